/**
 * Street reports: problems in a public place (a pothole, fly-tipping, a street light, graffiti, a
 * damaged sign) that many passers-by report, so a second report is matched to an open case by
 * distance rather than by the property (UPRN), which such reports rarely have.
 *
 * The rule (cases/duplicates.ts): the same service, a case still open, created within the
 * service's window, and both places with coordinates no more than the service's distance apart
 * (haversine). A report without coordinates (a street typed with a landmark: the street's USRN
 * only, or a description) is never joined by street, nor is an open case without them: a USRN
 * names a whole road, often a mile long, and telling a resident "already reported" when the
 * report was about another hole means theirs is never fixed. A second case costs an officer a
 * minute to merge; a wrongly joined one costs a missed repair. (None of the demo's street services
 * is a whole-street problem; a council with one, e.g. every light of a street out on one circuit,
 * would need a rule that asks the resident, not this table.)
 *
 * `distinguishBy`: answers that tell two nearby reports apart when both give them and they
 * differ (the number on a lamp post; a sign versus a drain on the same corner).
 */
export interface StreetRule {
  /** How close two reports must be, in metres, to be the same problem. */
  metres: number;
  /** How long after a case was opened a report nearby still counts as the same problem. */
  windowDays: number;
  /** Flow slots whose different answers make two nearby reports different problems. */
  distinguishBy?: readonly string[];
}

/** Per service (catalogue ids). A service not listed is matched by property only (cases/duplicates.ts). */
export const STREET_REPORTS: Readonly<Record<string, StreetRule>> = {
  // A pothole is repaired within weeks; two reports within 50 m are the same hole or the same patch of road.
  'highways.pothole': { metres: 50, windowDays: 28 },
  // Lamp posts stand 30–40 m apart: closer than that is the same light, unless the post numbers differ.
  'highways.street_lighting': { metres: 25, windowDays: 14, distinguishBy: ['columnNumber'] },
  // Pavements, kerbs, drains, signs, markings and bollards: the same kind of defect on the same spot.
  'highways.road_pavement_defect': { metres: 30, windowDays: 28, distinguishBy: ['defectType'] },
  // Tipped waste is cleared within days; a pile a week later is a new tip.
  'street.fly_tipping': { metres: 50, windowDays: 7 },
  'street.graffiti': { metres: 30, windowDays: 28, distinguishBy: ['surface'] },
};

export function streetRule(serviceId: string): StreetRule | undefined {
  return STREET_REPORTS[serviceId];
}

const EARTH_METRES = 6_371_000;
const RAD = Math.PI / 180;

/** Distance in metres between two points (haversine on a sphere of the Earth's mean radius). */
export function metresApart(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLng = (lng2 - lng1) * RAD;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_METRES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/**
 * The latitudes and longitudes within `metres` of a point, a little wider than the circle (the
 * index narrows to the box; the haversine decides).
 */
export function boxAround(lat: number, lng: number, metres: number): { south: number; north: number; west: number; east: number } {
  const dLat = (metres * 1.01) / (EARTH_METRES * RAD);
  const dLng = dLat / Math.max(Math.cos(lat * RAD), 0.01);
  return { south: lat - dLat, north: lat + dLat, west: lng - dLng, east: lng + dLng };
}

/** Coordinates both given and plausible (a missing one is undefined or null in a stored location). */
export function hasCoordinates<T extends { lat?: number | null; lng?: number | null }>(p: T | undefined): p is T & { lat: number; lng: number } {
  return !!p && typeof p.lat === 'number' && typeof p.lng === 'number' && Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}

/** An answer as compared: lower case, letters and digits only; "no", "none", "skip" are no answer. */
function normalised(value: unknown): string {
  if (value === null || value === undefined || typeof value === 'object') return '';
  const s = String(value).toLowerCase().replace(/[^a-z0-9]/g, '');
  return /^(no|none|skip|unknown|notsure|dontknow|idontknow)$/.test(s) ? '' : s;
}

/** Whether two reports' answers show they are about different things (both answered, differently). */
export function answersDiffer(rule: StreetRule, a: Record<string, unknown> | undefined, b: Record<string, unknown> | undefined): boolean {
  for (const slot of rule.distinguishBy ?? []) {
    const x = normalised(a?.[slot]);
    const y = normalised(b?.[slot]);
    if (x && y && x !== y) return true;
  }
  return false;
}
