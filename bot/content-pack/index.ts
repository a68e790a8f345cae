export { loadContentPack, localisedContent, type ContentPack, type LocalisedContent, type PackArticle, type PackTrainingExample, type WelshService } from './load.js';
export { ContentPackError } from './errors.js';
export { PACK_LANGUAGES, type PackLanguage } from './schemas.js';
export type { Flow, FlowStep, Service, Settings, Wording } from './schemas.js';
