import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentPackError, loadContentPack, localisedContent } from './index.js';

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

describe('the Welsh overlay (issue 17)', () => {
  const pack = loadContentPack(demo);

  test('the demo council offers English then Welsh, with Welsh names and a cy-GB voice', () => {
    expect(pack.settings.languages).toEqual(['en', 'cy']);
    expect(pack.settings.welsh).toEqual({ councilName: 'Cyngor Bwrdeistref Merebrook', shortName: 'Merebrook', assistantName: expect.stringMatching(/Merebrook/), queues: expect.any(Object) });
    // Every queue has its Welsh name (the Welsh replies name queues by it).
    for (const q of pack.settings.queues) expect(pack.settings.welsh?.queues?.[q.id]).toMatch(/\S/);
    expect(pack.settings.channels.voice.welshVoice).toBe('Polly.Gwyneth');
  });

  test('cy/services.json names every service in Welsh, by the English ids', () => {
    const welsh = pack.cy?.servicesById;
    expect([...(welsh?.keys() ?? [])].sort()).toEqual(pack.services.map((s) => s.id).sort());
    expect(welsh?.get('highways.pothole')).toEqual({ id: 'highways.pothole', name: 'Rhoi gwybod am dwll yn y ffordd', description: expect.stringMatching(/dwll yn y ffordd/) });
    for (const s of pack.services) expect(welsh?.get(s.id)?.name).not.toBe(s.name);
  });

  test('the demo pack has a Welsh version of every English article and flow', () => {
    const welshArticles = new Set(pack.cy?.articles.map((a) => a.id));
    const welshFlows = new Set(pack.cy?.flows.map((f) => f.id));
    expect(pack.articles.map((a) => a.id).filter((id) => !welshArticles.has(id))).toEqual([]);
    expect(pack.flows.map((f) => f.id).filter((id) => !welshFlows.has(id))).toEqual([]);
  });

  test('Welsh articles point at the Welsh site and keep their summaries short', () => {
    const english = new Map(pack.articles.map((a) => [a.id, a]));
    for (const a of pack.cy?.articles ?? []) {
      expect([a.id, a.url]).toEqual([a.id, english.get(a.id)!.url.replace('https://www.merebrook.gov.uk/', 'https://www.merebrook.gov.uk/cy/')]);
      expect(a.summary.length).toBeLessThanOrEqual(400);
      expect([a.id, a.title === english.get(a.id)!.title]).toEqual([a.id, false]);
    }
  });

  test('localisedContent gives the Welsh item where there is one and the English otherwise', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    fs.cpSync(demo, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'cy'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'cy', 'flows'), { recursive: true });
    const en = fs.readFileSync(path.join(dir, 'flows/pothole.yaml'), 'utf8');
    fs.writeFileSync(path.join(dir, 'cy/flows/pothole.yaml'), en.replace(/^title: .*$/m, 'title: Rhoi gwybod am dwll yn y ffordd'));
    const p = loadContentPack(dir);
    const cy = localisedContent(p, 'cy');
    expect(cy.flowsByService.get('highways.pothole')!.title).toBe('Rhoi gwybod am dwll yn y ffordd');
    expect(cy.flowsByService.get('waste.missed_collection')).toBe(p.flowsByService.get('waste.missed_collection'));
    expect(cy.flows.length).toBe(p.flows.length);
    expect(cy.articles).toEqual(p.articles);
    expect(localisedContent(p, 'en').flowsByService.get('highways.pothole')!.title).not.toBe('Rhoi gwybod am dwll yn y ffordd');
  });

  test('a pack without Welsh: English only, defaults for languages and the Welsh voice, no overlay', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    fs.cpSync(demo, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'cy'), { recursive: true, force: true });
    fs.rmSync(path.join(dir, 'training', 'cy'), { recursive: true, force: true });
    const f = path.join(dir, 'settings.yaml');
    fs.writeFileSync(
      f,
      fs.readFileSync(f, 'utf8')
        .replace(/^languages: .*\n/m, '')
        .replace(/^welsh:\n( {2}.*\n)+/m, '')
        .replace(/^ *welshVoice: .*\n/m, ''),
    );
    const p = loadContentPack(dir);
    expect(p.settings.languages).toEqual(['en']);
    expect(p.settings.welsh).toBeUndefined();
    expect(p.settings.channels.voice.welshVoice).toBe('Polly.Gwyneth');
    expect(p.cy).toBeUndefined();
    expect(localisedContent(p, 'cy').articles).toBe(p.articles);
    expect(p.training.some((t) => 'lang' in t)).toBe(false);
  });

  test('training/cy phrases are loaded and marked Welsh; English files stay unmarked', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    fs.cpSync(demo, dir, { recursive: true });
    fs.mkdirSync(path.join(dir, 'training', 'cy'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'training/cy/zz-test.yaml'), 'waste.bin_day:\n  - pryd mae diwrnod casglu fy miniau zz\n');
    const p = loadContentPack(dir);
    expect(p.training.filter((t) => t.text === 'pryd mae diwrnod casglu fy miniau zz')).toEqual([{ text: 'pryd mae diwrnod casglu fy miniau zz', intent: 'waste.bin_day', lang: 'cy' }]);
    expect(p.training.find((t) => t.text === 'My bin wasn\'t emptied today' || t.intent === 'waste.missed_collection' && !('lang' in t))).toBeDefined();
    fs.appendFileSync(path.join(dir, 'training/cy/zz-test.yaml'), 'waste.teleport:\n  - anfonwch fy min i\n');
    const e = (() => {
      try {
        loadContentPack(dir);
      } catch (err) {
        return err as ContentPackError;
      }
      throw new Error('expected a ContentPackError');
    })();
    expect(e.file).toBe(path.join('training', 'cy', 'zz-test.yaml'));
    expect(e.detail).toMatch(/waste\.teleport/);
  });
});

describe('a Welsh item that does not match its English one fails loading, naming the file', () => {
  /** A copy of the demo pack whose Welsh pothole flow is the English one edited, and one Welsh article likewise. */
  function withWelsh(editFlow: (yaml: string) => string, editArticle: (md: string) => string = (m) => m): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-'));
    fs.cpSync(demo, dir, { recursive: true });
    fs.rmSync(path.join(dir, 'cy'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'cy', 'flows'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'cy', 'articles'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cy/flows/pothole.yaml'), editFlow(fs.readFileSync(path.join(dir, 'flows/pothole.yaml'), 'utf8')));
    const article = fs.readFileSync(path.join(dir, 'articles/highways-report-a-pothole.md'), 'utf8');
    fs.writeFileSync(path.join(dir, 'cy/articles/highways-report-a-pothole.md'), editArticle(article));
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
  const flowFile = path.join('cy', 'flows', 'pothole.yaml');
  const lineOf = (dir: string, e: ContentPackError) => fs.readFileSync(path.join(dir, e.file), 'utf8').split('\n')[e.line! - 1];

  test('an unchanged copy loads (the checks compare shape, not words)', () => {
    const p = loadContentPack(withWelsh((y) => y.replace(/^title: .*$/m, 'title: Twll yn y ffordd')));
    expect(p.cy!.flows.map((f) => f.title)).toEqual(['Twll yn y ffordd']);
    expect(p.cy!.articles.map((a) => a.id)).toEqual(['highways-report-a-pothole']);
  });

  test('a Welsh article whose id has no English article', () => {
    const dir = withWelsh((y) => y, (m) => m.replace(/^id: .*$/m, 'id: twll-yn-y-ffordd'));
    const e = load(dir);
    expect(e.file).toBe(path.join('cy', 'articles', 'highways-report-a-pothole.md'));
    expect(e.detail).toMatch(/twll-yn-y-ffordd.*no English article/);
    expect(lineOf(dir, e)).toMatch(/^id:/);
  });

  test('a Welsh service whose id has no English service', () => {
    const dir = withWelsh((y) => y);
    fs.writeFileSync(path.join(dir, 'cy/services.json'), JSON.stringify([{ id: 'highways.pothole', name: 'Twll', description: 'Twll yn y ffordd.' }, { id: 'highways.teleport', name: 'Teleport', description: 'Dim.' }], null, 2));
    const e = load(dir);
    expect(e.file).toBe(path.join('cy', 'services.json'));
    expect(e.detail).toMatch(/highways\.teleport.*no English service/);
    expect(lineOf(dir, e)).toMatch(/highways\.teleport/);
    // Without the stray entry it loads, and the Welsh name is there by the English id.
    fs.writeFileSync(path.join(dir, 'cy/services.json'), JSON.stringify([{ id: 'highways.pothole', name: 'Twll', description: 'Twll yn y ffordd.' }]));
    expect(loadContentPack(dir).cy?.servicesById?.get('highways.pothole')?.name).toBe('Twll');
  });

  test('a Welsh article for another service', () => {
    const e = load(withWelsh((y) => y, (m) => m.replace(/^service: .*$/m, 'service: waste.bin_day')));
    expect(e.detail).toMatch(/waste\.bin_day.*differs/);
  });

  test('a Welsh flow whose id has no English flow', () => {
    const dir = withWelsh((y) => y.replace(/^id: .*$/m, 'id: twll'));
    const e = load(dir);
    expect(e.file).toBe(flowFile);
    expect(e.detail).toMatch(/"twll" has no English flow/);
    expect(lineOf(dir, e)).toBe('id: twll');
  });

  test('a Welsh flow for another service', () => {
    const e = load(withWelsh((y) => y.replace(/^service: .*$/m, 'service: highways.street_lighting')));
    expect(e.file).toBe(flowFile);
    expect(e.detail).toMatch(/service "highways\.street_lighting" differs/);
  });

  test('a Welsh flow with a slot renamed, or a step left out', () => {
    let e = load(withWelsh((y) => y.replace('slot: location', 'slot: lleoliad')));
    expect(e.detail).toMatch(/slots \[lleoliad/);
    e = load(withWelsh((y) => y.replace(/ {2}- slot: details[\s\S]*?(?=\noutcome:)/, '')));
    expect(e.file).toBe(flowFile);
    expect(e.detail).toMatch(/slots .* differ/);
  });

  test('a Welsh flow with a slot of another type', () => {
    const dir = withWelsh((y) => y.replace(/(slot: details\n\s+type: )text/, '$1number'));
    const e = load(dir);
    expect(e.detail).toMatch(/"details" is of type number, the English one text/);
    expect(lineOf(dir, e)).toMatch(/slot: details/);
  });

  test('a Welsh flow with an option value translated or reordered', () => {
    const english = fs.readFileSync(path.join(demo, 'flows/pothole.yaml'), 'utf8');
    const value = /value: ([a-z_]+)/.exec(english)![1];
    let e = load(withWelsh((y) => y.replace(`value: ${value}`, 'value: cyfieithwyd')));
    expect(e.file).toBe(flowFile);
    expect(e.detail).toMatch(/option values \[.*cyfieithwyd/);
    // Swapping the first two options keeps the set but not the order the key presses follow.
    e = load(withWelsh((y) => {
      const lines = y.split('\n');
      const first = lines.findIndex((l) => /^\s+- \{ value:/.test(l));
      [lines[first], lines[first + 1]] = [lines[first + 1], lines[first]];
      return lines.join('\n');
    }));
    expect(e.detail).toMatch(/option values/);
  });

  test('a Welsh flow with another outcome, or a summary missing a placeholder', () => {
    let e = load(withWelsh((y) => y.replace(/targetDays: \d+/, 'targetDays: 99')));
    expect(e.file).toBe(flowFile);
    expect(e.detail).toMatch(/outcome differs/);
    e = load(withWelsh((y) => y.replace(/^ {2}summary: .*$/m, '  summary: "Twll yn y ffordd"')));
    expect(e.detail).toMatch(/outcome differs/);
    // The summary's words may change; its placeholders may not.
    const english = fs.readFileSync(path.join(demo, 'flows/pothole.yaml'), 'utf8');
    const placeholders = [...english.matchAll(/\{(\w+)\}/g)].map((m) => `{${m[1]}}`).join(' ');
    expect(loadContentPack(withWelsh((y) => y.replace(/^ {2}summary: .*$/m, `  summary: "Twll: ${placeholders}"`))).cy!.flows[0].outcome).toMatchObject({ summary: `Twll: ${placeholders}` });
  });

  test('a Welsh flow that makes a step optional, or changes its condition', () => {
    const e = load(withWelsh((y) => y.replace(/(slot: location\n)/, '$1    optional: true\n')));
    expect(e.detail).toMatch(/"location" differs from the English step/);
  });
});
