/** The Open311 GeoReport v2 server: FixMyStreet-style clients list services, report and read status. */
export { open311Routes, type Open311Deps } from './routes.js';
export { open311Services, findService, type Open311Service } from './services.js';
