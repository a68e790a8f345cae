/** What the embedding page tells the widget, through its one script tag. */
export interface WidgetConfig {
  /** The API's origin: the script's own origin, so one tag works on any council page. */
  baseUrl: string;
  tenant: string;
  openAtLoad: boolean;
  title: string;
}

export function readConfig(script: HTMLScriptElement | null, pageUrl: string): WidgetConfig {
  const src = script?.src || pageUrl;
  const data = script?.dataset ?? {};
  return {
    baseUrl: new URL(src, pageUrl).origin,
    tenant: data.tenant?.trim() || 'demo',
    openAtLoad: data.open === 'true',
    title: data.title?.trim() || 'Chat with us',
  };
}
