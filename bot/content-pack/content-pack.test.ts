import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentPackError, loadContentPack } from './index.js';

const demo = path.resolve('content/demo');
const services = JSON.parse(fs.readFileSync(path.resolve('catalogue/services.json'), 'utf8')) as { id: string; kind: string }[];

describe('the demo content pack', () => {
  const pack = loadContentPack(demo);

  test('every catalogue id is an intent with at least 25 training phrases', () => {
    for (const s of services) {
      const n = pack.training.filter((t) => t.intent === s.id).length;
      expect([s.id, n >= 25]).toEqual([s.id, true]);
    }
  });

  test('at least 70 articles, and one for every service except meta.* and out_of_scope', () => {
    expect(pack.articles.length).toBeGreaterThanOrEqual(70);
    const covered = new Set(pack.articles.map((a) => a.service));
    const missing = services.filter((s) => !s.id.startsWith('meta.') && s.id !== 'out_of_scope' && !covered.has(s.id)).map((s) => s.id);
    expect(missing).toEqual([]);
    for (const a of pack.articles) {
      expect(a.summary.length).toBeLessThanOrEqual(400);
      expect(a.url).toMatch(/^https:\/\/www\.merebrook\.gov\.uk\//);
    }
  });

  test('the gazetteer has 300+ addresses on 15+ streets and several postcodes, each with UPRN, USRN, coordinates and bin day', () => {
    expect(pack.gazetteer.length).toBeGreaterThanOrEqual(300);
    expect(new Set(pack.gazetteer.map((a) => a.street)).size).toBeGreaterThanOrEqual(15);
    expect(new Set(pack.gazetteer.map((a) => a.postcode)).size).toBeGreaterThanOrEqual(5);
    for (const a of pack.gazetteer) {
      expect(a.uprn).toMatch(/^\d{12}$/);
      expect(a.usrn).toMatch(/^\d+$/);
      expect(a.binDay).toMatch(/^(Monday|Tuesday|Wednesday|Thursday|Friday)$/);
      expect(Math.abs(a.lat - 50.72)).toBeLessThan(0.2);
    }
  });

  test('the required flows exist', () => {
    const byService = [...pack.flowsByService.keys()];
    for (const s of [
      'waste.missed_collection', 'highways.pothole', 'highways.street_lighting', 'street.fly_tipping', 'environment.stray_dog',
      'environment.noise', 'street.graffiti', 'street.abandoned_vehicle', 'waste.bulky_collection', 'waste.bin_day',
    ]) expect(byService).toContain(s);
    expect(pack.flowsByService.get('waste.bin_day')!.outcome.type).toBe('lookup');
  });
});

describe('a broken pack fails loudly with the file and line', () => {
  function brokenCopy(edit: (dir: string) => void): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    fs.cpSync(demo, dir, { recursive: true });
    edit(dir);
    return dir;
  }
  const load = (dir: string) => {
    try {
      loadContentPack(dir);
    } catch (e) {
      return e as ContentPackError;
    }
    throw new Error('expected a ContentPackError');
  };

  test('bad YAML syntax in a flow', () => {
    const dir = brokenCopy((d) => fs.appendFileSync(path.join(d, 'flows/pothole.yaml'), '\n  - slot: [unclosed\n'));
    const e = load(dir);
    expect(e).toBeInstanceOf(ContentPackError);
    expect(e.file).toBe(path.join('flows', 'pothole.yaml'));
    expect(e.line).toBeGreaterThan(1);
  });

  test('an unknown step type names its line', () => {
    const dir = brokenCopy((d) => {
      const f = path.join(d, 'flows/graffiti.yaml');
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace('type: yes_no', 'type: maybe'));
    });
    const e = load(dir);
    expect(e.file).toBe(path.join('flows', 'graffiti.yaml'));
    const lines = fs.readFileSync(path.join(dir, 'flows/graffiti.yaml'), 'utf8').split('\n');
    expect(lines[e.line! - 1]).toMatch(/maybe/);
  });

  test('an article for a service that does not exist', () => {
    const dir = brokenCopy((d) => {
      const file = fs.readdirSync(path.join(d, 'articles'))[0];
      const f = path.join(d, 'articles', file);
      fs.writeFileSync(f, fs.readFileSync(f, 'utf8').replace(/^service: .*$/m, 'service: waste.unknown_thing'));
    });
    const e = load(dir);
    expect(e.detail).toMatch(/waste\.unknown_thing/);
    expect(e.line).toBeGreaterThan(1);
  });

  test('a training file naming an unknown intent, and a bad gazetteer row', () => {
    let dir = brokenCopy((d) => fs.appendFileSync(path.join(d, 'training/waste.yaml'), '\nwaste.teleport:\n  - beam my bin up\n'));
    expect(load(dir).detail).toMatch(/waste\.teleport/);
    dir = brokenCopy((d) => fs.appendFileSync(path.join(d, 'gazetteer.csv'), 'notanumber,1,1,,X Street,,Merebrook,MB1 1AA,50.7,-1.8,Monday,A\n'));
    const e = load(dir);
    expect(e.file).toBe('gazetteer.csv');
    expect(e.line).toBe(fs.readFileSync(path.join(dir, 'gazetteer.csv'), 'utf8').trim().split('\n').length);
  });
});
