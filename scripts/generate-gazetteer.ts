/**
 * Writes the sample gazetteer of the demo tenant (`content/demo/gazetteer.csv`).
 *
 * Every address is fictional: Merebrook is a made-up coastal town on the south coast of
 * England, in the made-up postcode area MB. The output is deterministic (a seeded PRNG), so
 * running the script again gives the same file byte for byte.
 *
 *   npx tsx scripts/generate-gazetteer.ts [output path]
 *
 * Columns: uprn, usrn, number, building_name, street, locality, town, postcode, lat, lng,
 * bin_day, bin_week (the fields of `GazetteerAddress` in intents/types.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRng } from '../intents/recogniser/random.js';

const SEED = 0x4d42_2026; // "MB" 2026
const TOWN = 'Merebrook';
/** Letters used in the last two characters of a UK postcode (no C, I, K, M, O, V). */
const UNIT_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';
const MIN_PER_POSTCODE = 6;
const MAX_PER_POSTCODE = 15;

type Day = 'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday';
type Week = 'A' | 'B';

interface StreetDef {
  name: string;
  locality: 'Merebrook' | 'Merebrook-on-Sea' | 'Eastcliff' | 'Westholme';
  /** Outward code and sector digit: "MB1 1". */
  sector: string;
  /** Where number 1 stands. */
  start: [lat: number, lng: number];
  /** Compass bearing the street runs along from its start, degrees. */
  bearing: number;
  lengthM: number;
  /** Inclusive ranges of house numbers on each side; consecutive numbering uses `all`. */
  odd?: [number, number];
  even?: [number, number];
  all?: [number, number];
  skip13?: boolean;
  /** Extra numbers such as "12A", placed beside their base number. */
  suffixed?: string[];
  /** House numbers split into flats: "Flat 1, 14", "Flat 2, 14"... (replacing the plain number). */
  flatsAbove?: Record<string, number>;
  /** A block of flats with a building name ("Flat 1".."Flat n"), standing after a house number. */
  block?: { name: string; flats: number; after: number };
  /** Named houses with no number, standing after a house number (Infinity: the far end). */
  named?: { name: string; after: number }[];
  binDay: Day;
  binWeek: Week;
  /** From this house number on, the collection is on another day (a second round). */
  binSplit?: { from: number; binDay: Day; binWeek: Week };
  /** A short street that shares the last postcode of the named street. */
  sharesPostcodeWith?: string;
}

const STREETS: StreetDef[] = [
  // Merebrook: the town centre, station and older streets inland (MB1).
  { name: 'High Street', locality: 'Merebrook', sector: 'MB1 1', start: [50.7212, -1.883], bearing: 60, lengthM: 420,
    odd: [1, 37], even: [2, 36], flatsAbove: { '14': 2, '22': 2, '31': 3 }, binDay: 'Tuesday', binWeek: 'A' },
  { name: 'Church Street', locality: 'Merebrook', sector: 'MB1 1', start: [50.7228, -1.8812], bearing: 350, lengthM: 260,
    odd: [1, 25], even: [2, 24], binDay: 'Tuesday', binWeek: 'B' },
  { name: 'Priory Gardens', locality: 'Merebrook', sector: 'MB1 1', start: [50.7246, -1.8826], bearing: 270, lengthM: 60,
    all: [1, 5], binDay: 'Tuesday', binWeek: 'B', sharesPostcodeWith: 'Church Street' },
  { name: 'Harbour Road', locality: 'Merebrook', sector: 'MB1 1', start: [50.7196, -1.8806], bearing: 110, lengthM: 500,
    odd: [1, 39], even: [2, 38], skip13: true, suffixed: ['12A'], binDay: 'Wednesday', binWeek: 'A' },
  { name: 'Station Approach', locality: 'Merebrook', sector: 'MB1 2', start: [50.7255, -1.879], bearing: 20, lengthM: 180,
    odd: [1, 13], even: [2, 12], binDay: 'Thursday', binWeek: 'A' },
  { name: 'Kings Road', locality: 'Merebrook', sector: 'MB1 2', start: [50.724, -1.877], bearing: 80, lengthM: 650,
    odd: [1, 47], even: [2, 46], binDay: 'Wednesday', binWeek: 'B',
    binSplit: { from: 25, binDay: 'Thursday', binWeek: 'B' } },
  { name: 'Victoria Avenue', locality: 'Merebrook', sector: 'MB1 2', start: [50.7266, -1.884], bearing: 95, lengthM: 520,
    odd: [1, 35], even: [2, 36], binDay: 'Thursday', binWeek: 'B' },
  { name: 'Mill Lane', locality: 'Merebrook', sector: 'MB1 3', start: [50.729, -1.886], bearing: 30, lengthM: 450,
    odd: [1, 25], even: [2, 24],
    named: [{ name: 'Mill Cottage', after: 11 }, { name: 'The Old Mill House', after: Infinity }],
    binDay: 'Friday', binWeek: 'A' },
  { name: "St Mary's Road", locality: 'Merebrook', sector: 'MB1 3', start: [50.7282, -1.8795], bearing: 100, lengthM: 480,
    odd: [1, 35], even: [2, 34], skip13: true, binDay: 'Friday', binWeek: 'B' },

  // Merebrook-on-Sea: the seafront (MB2).
  { name: 'Marine Parade', locality: 'Merebrook-on-Sea', sector: 'MB2 5', start: [50.7152, -1.885], bearing: 85, lengthM: 900,
    even: [2, 40], block: { name: 'Sandpiper Court', flats: 12, after: 20 }, binDay: 'Monday', binWeek: 'A' },
  { name: 'Cliff Terrace', locality: 'Merebrook-on-Sea', sector: 'MB2 5', start: [50.7165, -1.879], bearing: 70, lengthM: 300,
    all: [1, 20], named: [{ name: 'Coastguard Cottage', after: Infinity }], binDay: 'Monday', binWeek: 'B' },
  { name: "Fisherman's Walk", locality: 'Merebrook-on-Sea', sector: 'MB2 6', start: [50.716, -1.873], bearing: 10, lengthM: 200,
    odd: [1, 15], even: [2, 14],
    named: [{ name: 'Rose Cottage', after: 5 }, { name: 'Net Loft', after: 12 }], binDay: 'Monday', binWeek: 'A' },
  { name: 'The Crescent', locality: 'Merebrook-on-Sea', sector: 'MB2 6', start: [50.7175, -1.876], bearing: 120, lengthM: 320,
    odd: [1, 23], even: [2, 22], binDay: 'Wednesday', binWeek: 'A' },
  { name: 'Saltings Lane', locality: 'Merebrook-on-Sea', sector: 'MB2 6', start: [50.7185, -1.87], bearing: 40, lengthM: 350,
    odd: [1, 17], even: [2, 16],
    named: [{ name: 'The Boathouse', after: 8 }, { name: 'Saltings House', after: Infinity }],
    binDay: 'Wednesday', binWeek: 'B' },

  // Eastcliff (MB3).
  { name: 'Beacon Way', locality: 'Eastcliff', sector: 'MB3 7', start: [50.718, -1.864], bearing: 60, lengthM: 600,
    odd: [1, 35], even: [2, 34], skip13: true, binDay: 'Tuesday', binWeek: 'A' },
  { name: 'Lighthouse Road', locality: 'Eastcliff', sector: 'MB3 7', start: [50.717, -1.856], bearing: 95, lengthM: 380,
    odd: [1, 21], even: [2, 20], named: [{ name: 'Lighthouse Cottage', after: Infinity }],
    binDay: 'Thursday', binWeek: 'B' },
  { name: 'Elm Grove', locality: 'Eastcliff', sector: 'MB3 8', start: [50.7205, -1.861], bearing: 0, lengthM: 350,
    odd: [1, 27], even: [2, 26], suffixed: ['9A'], binDay: 'Tuesday', binWeek: 'B' },
  { name: 'Orchard Close', locality: 'Eastcliff', sector: 'MB3 8', start: [50.7232, -1.8622], bearing: 80, lengthM: 90,
    all: [1, 12], binDay: 'Thursday', binWeek: 'A' },

  // Westholme: the village on the western edge (MB4).
  { name: 'Westholme Road', locality: 'Westholme', sector: 'MB4 7', start: [50.7255, -1.896], bearing: 290, lengthM: 700,
    odd: [1, 31], even: [2, 32], binDay: 'Monday', binWeek: 'B' },
  { name: 'Meadow View', locality: 'Westholme', sector: 'MB4 7', start: [50.7285, -1.902], bearing: 10, lengthM: 250,
    odd: [1, 15], even: [2, 16], binDay: 'Friday', binWeek: 'A' },
  { name: 'Forge Lane', locality: 'Westholme', sector: 'MB4 8', start: [50.7262, -1.9065], bearing: 200, lengthM: 300,
    odd: [1, 17], even: [2, 14],
    named: [{ name: 'The Old Forge', after: 7 }, { name: 'Forge Cottage', after: 8 }],
    binDay: 'Friday', binWeek: 'B' },
  { name: 'Chapel Row', locality: 'Westholme', sector: 'MB4 8', start: [50.7248, -1.9078], bearing: 250, lengthM: 50,
    all: [1, 4], binDay: 'Friday', binWeek: 'B', sharesPostcodeWith: 'Forge Lane' },
];

// ---------------------------------------------------------------------------------------------

// The recogniser's seeded generator: the same sequence on every platform.
const rng = createRng(SEED);
const randInt = (lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

interface Row {
  uprn: string;
  usrn: string;
  number: string;
  buildingName: string;
  street: string;
  locality: string;
  town: string;
  postcode: string;
  lat: number;
  lng: number;
  binDay: Day;
  binWeek: Week;
}

/** An address before it has a UPRN or postcode: where it stands along the street. */
interface Pending {
  number: string;
  buildingName: string;
  /** Sort key and position along the street (house-number scale). */
  position: number;
  /** 1: odd side, 0: even side (offset from the centre line). */
  side: 0 | 1;
  /** Number that decides the bin round (for binSplit). */
  baseNumber: number;
}

function housesOf(def: StreetDef): Pending[][] {
  const blocks: Pending[][] = [];
  const numbers: number[] = [];
  const add = (range: [number, number] | undefined, step: number) => {
    if (!range) return;
    for (let n = range[0]; n <= range[1]; n += step) numbers.push(n);
  };
  add(def.odd, 2);
  add(def.even, 2);
  add(def.all, 1);
  const consecutive = Boolean(def.all);
  for (const n of numbers) {
    if (n === 13 && def.skip13) continue;
    const side: 0 | 1 = consecutive ? 1 : ((n % 2) as 0 | 1);
    const flats = def.flatsAbove?.[String(n)];
    if (flats) {
      const block: Pending[] = [];
      for (let f = 1; f <= flats; f++) {
        block.push({ number: `Flat ${f}, ${n}`, buildingName: '', position: n + 0.01, side, baseNumber: n });
      }
      blocks.push(block);
    } else {
      blocks.push([{ number: String(n), buildingName: '', position: n, side, baseNumber: n }]);
    }
  }
  for (const s of def.suffixed ?? []) {
    const n = parseInt(s, 10);
    const side: 0 | 1 = consecutive ? 1 : ((n % 2) as 0 | 1);
    blocks.push([{ number: s, buildingName: '', position: n + 0.5, side, baseNumber: n }]);
  }
  const maxNumber = Math.max(...numbers);
  for (const h of def.named ?? []) {
    const after = Number.isFinite(h.after) ? h.after : maxNumber;
    blocks.push([{ number: '', buildingName: h.name, position: after + 0.7, side: 1, baseNumber: after }]);
  }
  if (def.block) {
    const { name, flats, after } = def.block;
    const block: Pending[] = [];
    for (let f = 1; f <= flats; f++) {
      block.push({ number: `Flat ${f}`, buildingName: name, position: after + 0.9, side: (after % 2) as 0 | 1, baseNumber: after });
    }
    blocks.push(block);
  }
  blocks.sort((a, b) => a[0].position - b[0].position);
  return blocks;
}

/** Packs address blocks (a house, or a building of flats) into postcode-sized groups. */
function packIntoPostcodes(blocks: Pending[][]): Pending[][] {
  const groups: Pending[][] = [];
  let current: Pending[] = [];
  let target = randInt(8, 12);
  for (const block of blocks) {
    if (current.length > 0 && current.length + block.length > MAX_PER_POSTCODE) {
      groups.push(current);
      current = [];
      target = randInt(8, 12);
    }
    current.push(...block);
    if (current.length >= target) {
      groups.push(current);
      current = [];
      target = randInt(8, 12);
    }
  }
  if (current.length > 0) {
    const last = groups[groups.length - 1];
    if (current.length < MIN_PER_POSTCODE && last && last.length + current.length <= MAX_PER_POSTCODE) {
      last.push(...current);
    } else {
      // Too few for a postcode of their own: borrow single houses from the end of the last group.
      while (last && current.length < MIN_PER_POSTCODE && last.length > MIN_PER_POSTCODE) {
        current.unshift(last.pop()!);
      }
      groups.push(current);
    }
  }
  return groups;
}

function unitCodes(): string[] {
  const codes: string[] = [];
  for (const a of UNIT_LETTERS) for (const b of UNIT_LETTERS) codes.push(a + b);
  return codes;
}
const UNITS = unitCodes();
/** The next free unit per sector; "MB1 1AA" belongs to the civic centre. */
const nextUnit = new Map<string, number>([['MB1 1', 1]]);
function newPostcode(sector: string): string {
  const from = nextUnit.get(sector) ?? randInt(0, 3);
  const index = from + randInt(0, 6);
  if (index >= UNITS.length) throw new Error(`sector ${sector} ran out of units`);
  nextUnit.set(sector, index + 1);
  // Sector digit + unit: "MB1 1" + "AB" gives "MB1 1AB".
  return `${sector}${UNITS[index]}`;
}

function place(def: StreetDef, pending: Pending, maxPosition: number): [number, number] {
  const along = (Math.min(pending.position, maxPosition) / maxPosition) * def.lengthM;
  const across = (pending.side === 1 ? 1 : -1) * 9;
  const theta = (def.bearing * Math.PI) / 180;
  // North and east offsets in metres; "across" is to the right of the direction of travel.
  const north = along * Math.cos(theta) - across * Math.sin(theta);
  const east = along * Math.sin(theta) + across * Math.cos(theta);
  const lat = def.start[0] + north / 111_320;
  const lng = def.start[1] + east / (111_320 * Math.cos((def.start[0] * Math.PI) / 180));
  return [Number(lat.toFixed(6)), Number(lng.toFixed(6))];
}

function generate(): Row[] {
  const usrns = new Set<string>();
  const usrnOf = new Map<string, string>();
  for (const s of STREETS) {
    let usrn: string;
    do usrn = String(21_400_000 + randInt(0, 599_999));
    while (usrns.has(usrn));
    usrns.add(usrn);
    usrnOf.set(s.name, usrn);
  }

  // Guests (short streets sharing a postcode) are packed at the end of their host street.
  const rows: Row[] = [];
  let uprn = 100_023_450_000;
  for (const def of STREETS) {
    if (def.sharesPostcodeWith) continue;
    const guests = STREETS.filter((s) => s.sharesPostcodeWith === def.name);
    const tagged: { def: StreetDef; block: Pending[] }[] = [];
    for (const d of [def, ...guests]) for (const block of housesOf(d)) tagged.push({ def: d, block });
    const defOf = new Map<Pending, StreetDef>();
    for (const t of tagged) for (const p of t.block) defOf.set(p, t.def);
    const maxPos = new Map<string, number>();
    for (const t of tagged) {
      const top = Math.max(...t.block.map((p) => p.position));
      maxPos.set(t.def.name, Math.max(maxPos.get(t.def.name) ?? 1, top));
    }
    for (const group of packIntoPostcodes(tagged.map((t) => t.block))) {
      const postcode = newPostcode(def.sector);
      for (const p of group) {
        const d = defOf.get(p)!;
        const [lat, lng] = place(d, p, maxPos.get(d.name)!);
        const split = d.binSplit && p.baseNumber >= d.binSplit.from ? d.binSplit : undefined;
        uprn += randInt(1, 40);
        rows.push({
          uprn: String(uprn),
          usrn: usrnOf.get(d.name)!,
          number: p.number,
          buildingName: p.buildingName,
          street: d.name,
          locality: d.locality,
          town: TOWN,
          postcode,
          lat,
          lng,
          binDay: split?.binDay ?? d.binDay,
          binWeek: split?.binWeek ?? d.binWeek,
        });
      }
    }
    uprn += randInt(500, 3000); // a gap between streets, as in real address registers
  }
  return rows;
}

function check(rows: Row[]): void {
  const fail = (msg: string) => {
    throw new Error(`gazetteer check failed: ${msg}`);
  };
  if (rows.length < 340) fail(`only ${rows.length} addresses`);
  const streets = new Set(rows.map((r) => r.street));
  if (streets.size < 18) fail(`only ${streets.size} streets`);
  const uprns = new Set(rows.map((r) => r.uprn));
  if (uprns.size !== rows.length) fail('duplicate UPRN');
  for (const r of rows) {
    if (!/^1000\d{8}$/.test(r.uprn)) fail(`bad UPRN ${r.uprn}`);
    if (!/^\d{8}$/.test(r.usrn)) fail(`bad USRN ${r.usrn}`);
    if (!/^MB[1-4] \d[A-Z]{2}$/.test(r.postcode)) fail(`bad postcode ${r.postcode}`);
    if (!r.number && !r.buildingName) fail(`address with neither number nor name on ${r.street}`);
    if (Math.abs(r.lat - 50.72) > 0.03 || Math.abs(r.lng + 1.88) > 0.05) fail(`far-off point ${r.lat},${r.lng}`);
  }
  const perPostcode = new Map<string, number>();
  for (const r of rows) perPostcode.set(r.postcode, (perPostcode.get(r.postcode) ?? 0) + 1);
  if (perPostcode.size < 25) fail(`only ${perPostcode.size} postcodes`);
  for (const [pc, n] of perPostcode) {
    if (n < MIN_PER_POSTCODE || n > MAX_PER_POSTCODE) fail(`${pc} holds ${n} addresses`);
  }
  const perStreet = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.street}|${r.usrn}`;
    if (!perStreet.has(r.street)) perStreet.set(r.street, new Set());
    perStreet.get(r.street)!.add(key);
  }
  for (const [street, keys] of perStreet) if (keys.size !== 1) fail(`${street} has several USRNs`);
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.street}|${r.number}|${r.buildingName}`;
    if (seen.has(key)) fail(`duplicate address ${key}`);
    seen.add(key);
  }
}

const HEADER = ['uprn', 'usrn', 'number', 'building_name', 'street', 'locality', 'town', 'postcode', 'lat', 'lng', 'bin_day', 'bin_week'];

function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(rows: Row[]): string {
  const lines = [HEADER.join(',')];
  for (const r of rows) {
    lines.push(
      [r.uprn, r.usrn, r.number, r.buildingName, r.street, r.locality, r.town, r.postcode, r.lat.toFixed(6), r.lng.toFixed(6), r.binDay, r.binWeek]
        .map(csvField)
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ? resolve(process.argv[2]) : resolve(root, 'content/demo/gazetteer.csv');
const rows = generate();
check(rows);
writeFileSync(out, toCsv(rows));
const postcodes = new Set(rows.map((r) => r.postcode)).size;
const streets = new Set(rows.map((r) => r.street)).size;
console.log(`wrote ${rows.length} addresses, ${streets} streets, ${postcodes} postcodes to ${out}`);
