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
  type FlowStep,
  type PackLanguage,
  type Service,
  type Settings,
} from './schemas.js';
import { listFiles, parseYamlWith, readText } from './yaml-file.js';

/** An article as the pack holds it is the knowledge base's article. */
export type PackArticle = KbArticle;

/** A training phrase; `lang: 'cy'` marks the phrases of training/cy/ (one model learns both languages). */
export type PackTrainingExample = TrainingExample & { lang?: PackLanguage };

/** The articles and flows residents see in one language. */
export interface LocalisedContent {
  articles: PackArticle[];
  flows: Flow[];
  flowsByService: Map<string, Flow>;
}

export interface ContentPack {
  tenant: string;
  dir: string;
  settings: Settings;
  services: Service[];
  servicesById: Map<string, Service>;
  training: PackTrainingExample[];
  articles: PackArticle[];
  flows: Flow[];
  flowsByService: Map<string, Flow>;
  gazetteer: GazetteerAddress[];
  /** The Welsh overlay (cy/articles, cy/flows), each item an English one's translation; absent when the pack has no cy/ folder. */
  cy?: LocalisedContent & {
    /** cy/services.json: the services' Welsh names and descriptions, by the English ids (Welsh replies name services with them). */
    servicesById?: Map<string, WelshService>;
  };
}

/** A service's Welsh name and description (cy/services.json); its id is the English service's. */
export interface WelshService {
  id: string;
  name: string;
  description: string;
}

const welshServiceSchema = z.object({ id: z.string().min(1), name: z.string().min(1), description: z.string().min(1) }).strict();

/** Loads and checks a whole pack. Throws ContentPackError naming the file and line. */
export function loadContentPack(dir: string): ContentPack {
  if (!fs.existsSync(dir)) throw new ContentPackError(dir, null, 'content pack folder not found');
  const settings = parseYamlWith(settingsSchema, readText(dir, 'settings.yaml'), 'settings.yaml');
  const services = loadServices(dir);
  const servicesById = new Map(services.map((s) => [s.id, s]));
  const training = loadTraining(dir, servicesById);
  const articles = loadArticles(dir, servicesById, 'articles').map((a) => a.item);
  const flows = loadFlows(dir, servicesById, 'flows').map((f) => f.item);
  const gazetteer = loadGazetteer(dir);
  const cy = loadWelsh(dir, servicesById, articles, flows);
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
    ...(cy ? { cy } : {}),
  };
}

/**
 * The pack's articles and flows in one language: each English item replaced by its Welsh version
 * where the pack has one, so a Welsh conversation never loses a service the English one offers.
 */
export function localisedContent(pack: ContentPack, lang: PackLanguage): LocalisedContent {
  if (lang === 'en' || !pack.cy) return { articles: pack.articles, flows: pack.flows, flowsByService: pack.flowsByService };
  const welshArticles = new Map(pack.cy.articles.map((a) => [a.id, a]));
  const welshFlows = new Map(pack.cy.flows.map((f) => [f.id, f]));
  const articles = pack.articles.map((a) => welshArticles.get(a.id) ?? a);
  const flows = pack.flows.map((f) => welshFlows.get(f.id) ?? f);
  return { articles, flows, flowsByService: new Map(flows.map((f) => [f.service, f])) };
}

/**
 * The Welsh overlay, cy/articles and cy/flows. Each file is the translation of an English item
 * with the same id; a flow must collect exactly what the English one does (slots, types, option
 * values, conditions, outcome), because cases, Open311 and the console read those, not the words.
 */
function loadWelsh(dir: string, services: Map<string, Service>, english: PackArticle[], englishFlows: Flow[]): ContentPack['cy'] {
  if (!fs.existsSync(path.join(dir, 'cy'))) return undefined;
  const englishById = new Map(english.map((a) => [a.id, a]));
  const articles = loadArticles(dir, services, path.join('cy', 'articles'));
  for (const { file, text, item: a } of articles) {
    const en = englishById.get(a.id);
    if (!en) throw new ContentPackError(file, lineOf(text, 'id:'), `Welsh article "${a.id}" has no English article with the same id in articles/`);
    if (en.service !== a.service) {
      throw new ContentPackError(file, lineOf(text, 'service:'), `service "${a.service}" differs from the English article's "${en.service}"`);
    }
  }
  const flowsById = new Map(englishFlows.map((f) => [f.id, f]));
  const flows = loadFlows(dir, services, path.join('cy', 'flows'));
  for (const { file, text, item: f } of flows) {
    const en = flowsById.get(f.id);
    if (!en) throw new ContentPackError(file, lineOf(text, 'id:'), `Welsh flow "${f.id}" has no English flow with the same id in flows/`);
    const difference = flowDifference(en, f);
    if (difference) throw new ContentPackError(file, difference.needle ? lineOf(text, difference.needle) : null, `${difference.detail} (the Welsh flow must collect what the English flow "${en.id}" does)`);
  }
  return {
    articles: articles.map((a) => a.item),
    flows: flows.map((f) => f.item),
    flowsByService: new Map(flows.map((f) => [f.item.service, f.item])),
    servicesById: loadWelshServices(dir, services),
  };
}

/** cy/services.json (optional): each entry names an English service's id; a Welsh id with no English service is an error. */
function loadWelshServices(dir: string, services: Map<string, Service>): Map<string, WelshService> {
  const file = path.join('cy', 'services.json');
  if (!fs.existsSync(path.join(dir, file))) return new Map();
  const text = readText(dir, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ContentPackError(file, null, `invalid JSON: ${(e as Error).message}`);
  }
  const parsed = z.array(welshServiceSchema).safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ContentPackError(file, null, `${issue.message} at ${issue.path.join('.')}`);
  }
  const byId = new Map<string, WelshService>();
  for (const s of parsed.data) {
    if (!services.has(s.id)) throw new ContentPackError(file, lineOf(text, `"${s.id}"`), `Welsh service "${s.id}" has no English service with the same id in services.json`);
    if (byId.has(s.id)) throw new ContentPackError(file, lineOf(text, `"${s.id}"`), `service "${s.id}" is named twice`);
    byId.set(s.id, s);
  }
  return byId;
}

/** The first way a translated flow differs in shape from its English original, or null. */
function flowDifference(en: Flow, cy: Flow): { detail: string; needle?: string } | null {
  if (en.service !== cy.service) return { detail: `service "${cy.service}" differs from the English "${en.service}"`, needle: 'service:' };
  const enSlots = en.steps.map((s) => s.slot).join(', ');
  const cySlots = cy.steps.map((s) => s.slot).join(', ');
  if (enSlots !== cySlots) return { detail: `slots [${cySlots}] differ from the English [${enSlots}]`, needle: 'steps:' };
  for (let i = 0; i < en.steps.length; i++) {
    const a = en.steps[i];
    const b = cy.steps[i];
    const needle = `slot: ${b.slot}`;
    if (a.type !== b.type) return { detail: `slot "${b.slot}" is of type ${b.type}, the English one ${a.type}`, needle };
    const shape = (s: FlowStep) => JSON.stringify([s.optional, s.when ?? null, s.allowDescription, s.minLength ?? null]);
    if (shape(a) !== shape(b)) return { detail: `slot "${b.slot}" differs from the English step in optional, when, allowDescription or minLength`, needle };
    const values = (s: FlowStep) => (s.options ?? []).map((o) => o.value).join(', ');
    // Same values in the same order: a caller's key press picks an option by its position.
    if (values(a) !== values(b)) return { detail: `slot "${b.slot}" has option values [${values(b)}], the English [${values(a)}]`, needle };
  }
  const outcomeShape = (f: Flow) => (f.outcome.type === 'case' ? { ...f.outcome, summary: placeholders(f.outcome.summary) } : f.outcome);
  if (JSON.stringify(outcomeShape(en)) !== JSON.stringify(outcomeShape(cy))) {
    return { detail: `the outcome differs from the English one (type, team, targetDays, lookup and the summary's {placeholders} must match)`, needle: 'outcome:' };
  }
  return null;
}

function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
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

function loadTraining(dir: string, services: Map<string, Service>): PackTrainingExample[] {
  const examples: PackTrainingExample[] = [];
  // listFiles does not descend, so training/cy/ is read only here, its phrases marked Welsh.
  const files = [
    ...listFiles(dir, 'training', '.yaml').map((file) => ({ file, lang: undefined })),
    ...listFiles(dir, path.join('training', 'cy'), '.yaml').map((file) => ({ file, lang: 'cy' as const })),
  ];
  for (const { file, lang } of files) {
    const text = readText(dir, file);
    const data = parseYamlWith(trainingFileSchema, text, file);
    for (const [intent, phrases] of Object.entries(data)) {
      if (!services.has(intent)) {
        throw new ContentPackError(file, lineOf(text, `${intent}:`), `"${intent}" is not a service id in services.json`);
      }
      for (const phrase of phrases) examples.push(lang ? { text: phrase, intent, lang } : { text: phrase, intent });
    }
  }
  return examples;
}

/** Each item with the file it came from, for the Welsh overlay's errors. */
interface FromFile<T> {
  file: string;
  text: string;
  item: T;
}

function loadArticles(dir: string, services: Map<string, Service>, folder: string): FromFile<PackArticle>[] {
  const seen = new Map<string, string>();
  const articles: FromFile<PackArticle>[] = [];
  for (const file of listFiles(dir, folder, '.md')) {
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
    articles.push({ file, text, item: { ...front, body } });
  }
  return articles;
}

function loadFlows(dir: string, services: Map<string, Service>, folder: string): FromFile<Flow>[] {
  const flows: FromFile<Flow>[] = [];
  const byService = new Map<string, string>();
  for (const file of listFiles(dir, folder, '.yaml')) {
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
    flows.push({ file, text, item: flow });
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
