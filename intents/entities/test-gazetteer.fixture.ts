/** A small hand-made gazetteer for the entity tests (fictional Merebrook, area MB). */
import type { GazetteerAddress } from '../types.js';

const base = { town: 'Merebrook', lat: 50.7, lng: -1.9, binDay: 'Tuesday', binWeek: 'A' };

export const SAMPLE_ADDRESSES: GazetteerAddress[] = [
  { ...base, uprn: '100012340010', usrn: '40001', number: '10', street: 'Elm Grove', postcode: 'MB2 4EG' },
  { ...base, uprn: '100012340012', usrn: '40001', number: '12', street: 'Elm Grove', postcode: 'MB2 4EG' },
  { ...base, uprn: '100012340014', usrn: '40001', number: '12A', street: 'Elm Grove', postcode: 'MB2 4EG' },
  { ...base, uprn: '100012340015', usrn: '40001', number: '15', street: 'Elm Grove', postcode: 'MB2 4EH' },
  { ...base, uprn: '100012341001', usrn: '40002', number: 'Flat 1, 14', street: "King's Road", postcode: 'MB1 2AB' },
  { ...base, uprn: '100012341002', usrn: '40002', number: 'Flat 2, 14', street: "King's Road", postcode: 'MB1 2AB' },
  { ...base, uprn: '100012341003', usrn: '40002', number: 'Flat 3, 14', street: "King's Road", postcode: 'MB1 2AB' },
  { ...base, uprn: '100012341016', usrn: '40002', number: '16', street: "King's Road", postcode: 'MB1 2AB' },
  { ...base, uprn: '100012342003', usrn: '40003', number: '3', street: "St Mary's Road", postcode: 'MB12 3CD', binDay: 'Friday' },
  { ...base, uprn: '100012342005', usrn: '40003', number: '5', street: "St Mary's Road", postcode: 'MB12 3CD', binDay: 'Friday' },
  { ...base, uprn: '100012343001', usrn: '40004', number: '', buildingName: 'Rose Cottage', street: 'Mill Lane', locality: 'Oldtown', postcode: 'MB3 1AB' },
  { ...base, uprn: '100012343002', usrn: '40004', number: '2', street: 'Mill Lane', locality: 'Oldtown', postcode: 'MB3 1AB' },
  { ...base, uprn: '100012343004', usrn: '40004', number: '4', buildingName: 'The Old Forge', street: 'Mill Lane', locality: 'Oldtown', postcode: 'MB3 1AB' },
  { ...base, uprn: '100012344001', usrn: '40005', number: '1', street: 'High Street', postcode: 'MB1 1AA' },
  { ...base, uprn: '100012344021', usrn: '40005', number: '21', street: 'High Street', postcode: 'MB1 1AA' },
  { ...base, uprn: '100012345001', usrn: '40006', number: '1', street: 'High Street', locality: 'Saltmarsh', postcode: 'MB5 6XY' },
  { ...base, uprn: '100012346008', usrn: '40007', number: '8', street: 'Church Avenue', postcode: 'MB4 7JQ' },
  { ...base, uprn: '100012347007', usrn: '40008', number: '7', street: 'Park Lane', postcode: 'MB4 8PL' },
  { ...base, uprn: '100012348007', usrn: '40009', number: '7', street: 'Park Road', postcode: 'MB4 8PR' },
  { ...base, uprn: '100012349040', usrn: '40010', number: '40', street: 'Broadway', postcode: 'MB6 1BW' },
];
