export { ArticleIndex, type KbArticle, type ArticleHit, type FeedbackCounts } from './search.js';
export { Typeahead, type TypeaheadSuggestion } from './typeahead.js';
export { markdownToPlain, normalise, terms } from './text.js';
export * from './answers/index.js';
