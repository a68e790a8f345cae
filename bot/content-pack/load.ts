import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { GazetteerAddress, TrainingExample } from '../../intents/index.js';
import type { KbArticle } from '../../knowledge-base/index.js';
import { parseCsv } from './csv.js';
import { ContentPackError } from './errors.js';
import {
  articleFrontMatterSchema,
  flowSchema,
  serviceSchema,
  settingsSchema,
  trainingFileSchema,
  type Flow,
  type Service,
  type Settings,
} from './schemas.js';
import { listFiles, parseYamlWith, readText } from './yaml-file.js';

/** An article as the pack holds it is the knowledge base's article. */
export type PackArticle = KbArticle;

export interface ContentPack {
  tenant: string;
  dir: string;
  settings: Settings;
  services: Service[];
  servicesById: Map<string, Service>;
  training: TrainingExample[];
  articles: PackArticle[];
  flows: Flow[];
  flowsByService: Map<string, Flow>;
  gazetteer: GazetteerAddress[];
}

/** Loads and checks a whole pack. Throws ContentPackError naming the file and line. */
export function loadContentPack(dir: string): ContentPack {
  if (!fs.existsSync(dir)) throw new ContentPackError(dir, null, 'content pack folder not found');
  const settings = parseYamlWith(settingsSchema, readText(dir, 'settings.yaml'), 'settings.yaml');
  const services = loadServices(dir);
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const training = loadTraining(dir, servicesById);
  const articles = loadArticles(dir, servicesById);
  const flows = loadFlows(dir, servicesById);
  const gazetteer = loadGazetteer(dir);
  return {
    tenant: settings.tenant,
    dir,
    settings,
    services,
    servicesById,
    training,
    articles,
    flows,
    flowsByService: new Map(flows.map((f) => [f.service, f])),
    gazetteer,
  };
}

function loadServices(dir: string): Service[] {
  const file = 'services.json';
  let data: unknown;
  try {
    data = JSON.parse(readText(dir, file));
  } catch (e) {
    if (e instanceof ContentPackError) throw e;
    throw new ContentPackError(file, null, `invalid JSON: ${(e as Error).message}`);
  }
  const parsed = z.array(serviceSchema).min(1).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentPackError(file, null, `${issue.message} at ${issue.path.join('.')}`);
  }
  return parsed.data;
}

function loadTraining(dir: string, services: Map<string, Service>): TrainingExample[] {
  const examples: TrainingExample[] = [];
  for (const file of listFiles(dir, 'training', '.yaml')) {
    const text = readText(dir, file);
    const data = parseYamlWith(trainingFileSchema, text, file);
    for (const [intent, phrases] of Object.entries(data)) {
      if (!services.has(intent)) {
        throw new ContentPackError(file, lineOf(text, `${intent}:`), `"${intent}" is not a service id in services.json`);
      }
      for (const phrase of phrases) examples.push({ text: phrase, intent });
    }
  }
  return examples;
}

function loadArticles(dir: string, services: Map<string, Service>): PackArticle[] {
  const seen = new Map<string, string>();
  const articles: PackArticle[] = [];
  for (const file of listFiles(dir, 'articles', '.md')) {
    const text = readText(dir, file).replace(/^\uFEFF/, '');
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!match) throw new ContentPackError(file, 1, 'an article starts with YAML front matter between --- lines');
    const front = parseYamlWith(articleFrontMatterSchema, match[1], file, 1);
    if (!services.has(front.service)) {
      throw new ContentPackError(file, lineOf(text, 'service:'), `"${front.service}" is not a service id in services.json`);
    }
    if (seen.has(front.id)) {
      throw new ContentPackError(file, lineOf(text, 'id:'), `article id "${front.id}" is also used by ${seen.get(front.id)}`);
    }
    seen.set(front.id, file);
    const body = match[2].trim();
    if (body.length < 20) throw new ContentPackError(file, null, 'the article body is empty');
    articles.push({ ...front, body });
  }
  return articles;
}

function loadFlows(dir: string, services: Map<string, Service>): Flow[] {
  const flows: Flow[] = [];
  const byService = new Map<string, string>();
  for (const file of listFiles(dir, 'flows', '.yaml')) {
    const text = readText(dir, file);
    const flow = parseYamlWith(flowSchema, text, file);
    if (!services.has(flow.service)) {
      throw new ContentPackError(file, lineOf(text, 'service:'), `"${flow.service}" is not a service id in services.json`);
    }
    if (byService.has(flow.service)) {
      throw new ContentPackError(file, lineOf(text, 'service:'), `${byService.get(flow.service)} already handles ${flow.service}`);
    }
    byService.set(flow.service, file);
    const slots = new Set<string>();
    flow.steps.forEach((step) => {
      if (slots.has(step.slot)) throw new ContentPackError(file, lineOf(text, `slot: ${step.slot}`), `slot "${step.slot}" is asked twice`);
      if (step.when && !slots.has(step.when.slot)) {
        throw new ContentPackError(file, lineOf(text, `slot: ${step.slot}`), `"when" refers to slot "${step.when.slot}", which is not asked before this step`);
      }
      slots.add(step.slot);
    });
    flows.push(flow);
  }
  return flows;
}

const gazetteerColumns = ['uprn', 'usrn', 'number', 'building_name', 'street', 'locality', 'town', 'postcode', 'lat', 'lng', 'bin_day', 'bin_week'];

function loadGazetteer(dir: string): GazetteerAddress[] {
  const file = 'gazetteer.csv';
  if (!fs.existsSync(path.join(dir, file))) return [];
  const rows = parseCsv(readText(dir, file));
  const header = rows[0] ?? [];
  const missing = gazetteerColumns.filter((c) => !header.includes(c));
  if (missing.length) throw new ContentPackError(file, 1, `missing columns: ${missing.join(', ')}`);
  const col = (name: string) => header.indexOf(name);
  const addresses: GazetteerAddress[] = [];
  const uprns = new Set<string>();
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const get = (name: string) => (r[col(name)] ?? '').trim();
    const lat = Number(get('lat'));
    const lng = Number(get('lng'));
    if (!/^\d{1,12}$/.test(get('uprn'))) throw new ContentPackError(file, line, `bad UPRN "${get('uprn')}"`);
    if (uprns.has(get('uprn'))) throw new ContentPackError(file, line, `UPRN ${get('uprn')} appears twice`);
    if (!Number.isFinite(lat) || !Number.isFinite(lng)) throw new ContentPackError(file, line, 'bad coordinates');
    if (!get('street') || !get('postcode')) throw new ContentPackError(file, line, 'street and postcode are required');
    uprns.add(get('uprn'));
    addresses.push({
      uprn: get('uprn'),
      usrn: get('usrn'),
      number: get('number'),
      buildingName: get('building_name') || undefined,
      street: get('street'),
      locality: get('locality') || undefined,
      town: get('town'),
      postcode: get('postcode').toUpperCase(),
      lat,
      lng,
      binDay: get('bin_day'),
      binWeek: get('bin_week'),
    });
  });
  return addresses;
}

function lineOf(text: string, needle: string): number | null {
  const index = text.indexOf(needle);
  return index < 0 ? null : text.slice(0, index).split('\n').length;
}
