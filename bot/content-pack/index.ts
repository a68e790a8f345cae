export { loadContentPack, type ContentPack, type PackArticle } from './load.js';
export { ContentPackError } from './errors.js';
export type { Flow, FlowStep, Service, Settings, Wording } from './schemas.js';
