import { languageOf, type Language } from './i18n.js';

/** What the embedding page tells the widget, through its one script tag. */
export interface WidgetConfig {
  /** The API's origin: the script's own origin, so one tag works on any council page. */
  baseUrl: string;
  tenant: string;
  openAtLoad: boolean;
  /** The launcher's and panel's title per language; absent: the widget's own ("Chat with us", "Sgwrsio â ni"). */
  title: Partial<Record<Language, string>>;
  /** `data-language="cy"`: the interface language to start in (a choice the resident made wins). */
  language: Language | null;
  /**
   * `data-languages="en cy"`: the languages the council offers, its default first. Absent: asked of
   * the server (the council's settings), English until it answers.
   */
  languages: Language[] | null;
  /** The page's own language (`<html lang="cy">`): where the council offers both, the widget starts in it. */
  pageLanguage: Language | null;
}

export function readConfig(script: HTMLScriptElement | null, pageUrl: string, pageLang?: string | null): WidgetConfig {
  const src = script?.src || pageUrl;
  const data = script?.dataset ?? {};
  const listed = (data.languages ?? '')
    .split(/[\s,]+/)
    .map(languageOf)
    .filter((l): l is Language => l !== null);
  const title: Partial<Record<Language, string>> = {};
  if (data.title?.trim()) title.en = data.title.trim();
  if (data.titleCy?.trim()) title.cy = data.titleCy.trim();
  return {
    baseUrl: new URL(src, pageUrl).origin,
    tenant: data.tenant?.trim() || 'demo',
    openAtLoad: data.open === 'true',
    title,
    language: languageOf(data.language),
    languages: listed.length ? [...new Set(listed)] : null,
    pageLanguage: languageOf(pageLang),
  };
}
