/**
 * Reports for supervisors and admins (issue 16, item 3): a period (day, week, month or custom
 * dates) and optional filters (service, channel, queue, agent), then every report as a chart and
 * the table behind it. The table is the accessible source: each chart is an image labelled with
 * what it shows and pointing to its table. Every table downloads as CSV; the whole report as XLSX.
 * The figures come from GET /api/console/reports (api/console/report-routes.ts).
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import { ApiError } from './api.js';
import { announcePage, el, errorText } from './ui.js';
import type { Workspace } from './workspace.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

type Cell = string | number | null;
interface ReportColumn {
  key: string;
  label: string;
  kind: 'text' | 'count' | 'percent' | 'seconds';
}
interface ReportTable {
  id: string;
  title: string;
  description: string;
  chart: { type: 'bar' | 'line'; series: string[] } | null;
  columns: ReportColumn[];
  rows: Record<string, Cell>[];
}
interface ReportResponse {
  period: { kind: string; from: string; to: string; label: string; grouping: string; timeZone: string };
  applied: Record<string, string>;
  filters: { services: string[]; channels: string[]; queues: { id: string; name: string }[]; agents: { id: string; name: string }[] };
  tables: ReportTable[];
  notes: string[];
}

/** Colours with at least 3:1 contrast on white, told apart by the legend's words as well. */
const COLOURS = ['#1d70b8', '#d4351c', '#00703c', '#4c2c92'];

const STYLE = `
.ca-report-form { display: flex; flex-wrap: wrap; gap: 0 24px; align-items: flex-end; }
.ca-report-form .govuk-form-group { margin-bottom: 16px; }
.ca-report-chart { position: relative; height: 280px; max-width: 960px; margin-bottom: 16px; }
.ca-report-scroll { overflow-x: auto; margin-bottom: 8px; }
.ca-report-scroll:focus { outline: 3px solid #ffdd00; }
.ca-report-scroll .govuk-table { font-size: 16px; }
.ca-report-section { margin-bottom: 40px; }
`;

function todayLocal(): string {
  const d = new Date();
  return `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}`;
}

/** "15/11/2026" (or 2026-11-15) as 2026-11-15; null when it is not a date. */
export function isoDate(text: string): string | null {
  const t = text.trim();
  const uk = /^(\d{1,2})[/.\s-](\d{1,2})[/.\s-](\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const parts = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [y, m, d] = parts;
  const value = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const check = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === value ? value : null;
}

function formatCell(value: Cell, kind: ReportColumn['kind']): string {
  if (value === null || value === undefined || value === '') return kind === 'text' ? '(none)' : 'no data';
  if (typeof value === 'string') return value;
  if (kind === 'percent') return `${value.toFixed(1)}%`;
  if (kind === 'seconds') return `${value.toFixed(1)} s`;
  return value.toLocaleString('en-GB');
}

export class ReportsView {
  private readonly error = el('div', { id: 'reports-error' });
  private readonly output = el('div', { id: 'reports-output' });
  private readonly status = el('p', { class: 'govuk-body', role: 'status', id: 'reports-status' });
  private readonly charts: Chart[] = [];
  private readonly period = el('select', { class: 'govuk-select', id: 'report-period', name: 'period' }, ...[['day', 'Day'], ['week', 'Week'], ['month', 'Month'], ['custom', 'Custom dates']].map(([v, t]) => el('option', { value: v }, t)));
  // Dates are typed as text (day/month/year), as GOV.UK advises: a browser's date picker varies with its locale.
  private readonly date = el('input', { class: 'govuk-input govuk-input--width-10', type: 'text', id: 'report-date', name: 'date', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'report-date-hint' });
  private readonly from = el('input', { class: 'govuk-input govuk-input--width-10', type: 'text', id: 'report-from', name: 'from', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'report-date-hint' });
  private readonly to = el('input', { class: 'govuk-input govuk-input--width-10', type: 'text', id: 'report-to', name: 'to', inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': 'report-date-hint' });
  private readonly filters = {
    service: el('select', { class: 'govuk-select', id: 'report-service', name: 'service' }),
    channel: el('select', { class: 'govuk-select', id: 'report-channel', name: 'channel' }),
    queue: el('select', { class: 'govuk-select', id: 'report-queue', name: 'queue' }),
    agent: el('select', { class: 'govuk-select', id: 'report-agent', name: 'agent' }),
  };

  constructor(private readonly ws: Workspace) {}

  mount(main: HTMLElement): void {
    if (!document.getElementById('ca-report-style')) document.head.append(el('style', { id: 'ca-report-style' }, STYLE));
    const h1 = el('h1', { class: 'govuk-heading-l' }, 'Reports');
    this.period.value = 'month';
    this.date.value = todayLocal();
    this.from.value = this.date.value;
    this.to.value = this.date.value;
    const group = (label: string, control: HTMLElement, id: string, hidden = false) => {
      const g = el('div', { class: 'govuk-form-group', id: `${id}-group` }, el('label', { class: 'govuk-label', for: id }, label), control);
      g.hidden = hidden;
      return g;
    };
    const dateGroup = group('Any date in the period', this.date, 'report-date');
    const hint = el('div', { class: 'govuk-hint', id: 'report-date-hint' }, 'Dates as day/month/year, for example 15/11/2026.');
    const fromGroup = group('From', this.from, 'report-from', true);
    const toGroup = group('To (up to a year)', this.to, 'report-to', true);
    this.period.addEventListener('change', () => {
      const custom = this.period.value === 'custom';
      dateGroup.hidden = custom;
      fromGroup.hidden = !custom;
      toGroup.hidden = !custom;
    });
    for (const select of Object.values(this.filters)) select.append(el('option', { value: '' }, 'All'));
    const submit = el('button', { type: 'submit', class: 'govuk-button', id: 'report-show' }, 'Show report');
    const form = el(
      'form',
      { class: 'ca-report-form', id: 'report-form', novalidate: true },
      group('Period', this.period, 'report-period'),
      dateGroup,
      fromGroup,
      toGroup,
      group('Service', this.filters.service, 'report-service'),
      group('Channel', this.filters.channel, 'report-channel'),
      group('Queue', this.filters.queue, 'report-queue'),
      group('Agent', this.filters.agent, 'report-agent'),
      el('div', { class: 'govuk-form-group' }, submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.load();
    });
    main.replaceChildren(h1, el('p', { class: 'govuk-body' }, 'Contacts, containment, handoffs, service levels, abandonment, waits, duty referrals and cases, from what is stored. Each chart has its figures in the table below it.'), hint, form, this.error, this.status, this.output);
    announcePage('Reports', h1);
    void this.load();
  }

  destroy(): void {
    for (const c of this.charts.splice(0)) c.destroy();
  }

  /** The request's query, or null (and the error shown) when a date cannot be read. */
  private query(): URLSearchParams | null {
    const q = new URLSearchParams({ period: this.period.value });
    const inputs: [string, HTMLInputElement, string][] = this.period.value === 'custom' ? [['from', this.from, 'From'], ['to', this.to, 'To']] : [['date', this.date, 'Any date in the period']];
    for (const [name, input, label] of inputs) {
      const value = isoDate(input.value);
      if (!value) {
        this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, `${label} must be a real date, for example 15/11/2026.`));
        input.focus();
        return null;
      }
      q.set(name, value);
    }
    for (const [name, select] of Object.entries(this.filters)) if (select.value) q.set(name, select.value);
    return q;
  }

  private async load(): Promise<void> {
    const q = this.query();
    if (!q) return;
    this.status.textContent = 'Loading the report…';
    let report: ReportResponse;
    try {
      const res = await fetch(`/api/console/reports?${q}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!res.ok) {
        const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
        throw new ApiError(res.status, problem.title ?? res.statusText, problem.detail);
      }
      report = (await res.json()) as ReportResponse;
    } catch (err) {
      this.status.textContent = '';
      if (err instanceof ApiError && err.status === 401) return;
      const text = err instanceof ApiError && err.status === 403 ? 'You need supervisor access to see reports.' : `Could not load the report: ${errorText(err)}`;
      this.error.replaceChildren(el('p', { class: 'govuk-error-message', role: 'alert' }, text));
      return;
    }
    this.error.replaceChildren();
    this.fillFilters(report);
    this.render(report, q);
    // The status region (role="status") says what is shown: announced politely after each change.
    this.status.textContent = `Showing ${report.period.label}.`;
  }

  private fillFilters(report: ReportResponse): void {
    const options: Record<keyof ReportsView['filters'], { id: string; name: string }[]> = {
      service: report.filters.services.map((s) => ({ id: s, name: s })),
      channel: report.filters.channels.map((c) => ({ id: c, name: c })),
      queue: report.filters.queues,
      agent: report.filters.agents,
    };
    for (const [name, select] of Object.entries(this.filters) as [keyof ReportsView['filters'], HTMLSelectElement][]) {
      const chosen = report.applied[name] ?? '';
      const list = options[name].some((o) => o.id === chosen) || !chosen ? options[name] : [...options[name], { id: chosen, name: chosen }];
      select.replaceChildren(el('option', { value: '' }, 'All'), ...list.map((o) => el('option', { value: o.id }, o.name)));
      select.value = chosen;
    }
  }

  private render(report: ReportResponse, q: URLSearchParams): void {
    this.destroy();
    const xlsx = el('a', { class: 'govuk-button govuk-button--secondary', id: 'report-xlsx', href: `/api/console/reports/xlsx?${q}`, download: '' }, 'Download the whole report (Excel, XLSX)');
    const notes = el('div', { class: 'govuk-inset-text' }, el('h2', { class: 'govuk-heading-s' }, 'About these figures'), el('ul', { class: 'govuk-list govuk-list--bullet' }, ...report.notes.map((n) => el('li', {}, n))));
    const sections = report.tables.map((t) => this.section(t, q));
    this.output.replaceChildren(el('h2', { class: 'govuk-heading-m', id: 'report-period-heading' }, report.period.label), xlsx, notes, ...sections);
    // Charts are drawn once their canvases are in the page (Chart.js measures the container).
    for (const t of report.tables) this.draw(t);
  }

  private section(table: ReportTable, q: URLSearchParams): HTMLElement {
    const headingId = `report-${table.id}-heading`;
    const tableId = `report-${table.id}-table`;
    const chart = table.chart && table.rows.length
      ? el(
          'div',
          { class: 'ca-report-chart' },
          el('canvas', { id: `report-${table.id}-chart`, role: 'img', 'aria-label': `Chart of ${table.title.toLowerCase()}: ${table.chart.series.map((s) => this.label(table, s)).join(' and ')}. The figures are in the table that follows.` }),
        )
      : null;
    const summary = table.id === 'summary';
    const head = summary ? ['Measure', 'Value'] : table.columns.map((c) => c.label);
    const body = summary
      ? table.columns.slice(1).map((c) => el('tr', { class: 'govuk-table__row' }, el('th', { scope: 'row', class: 'govuk-table__header' }, c.label), el('td', { class: 'govuk-table__cell' }, formatCell(table.rows[0]?.[c.key] ?? null, c.kind))))
      : table.rows.map((r) =>
          el(
            'tr',
            { class: 'govuk-table__row' },
            ...table.columns.map((c, i) => (i === 0 ? el('th', { scope: 'row', class: 'govuk-table__header' }, formatCell(r[c.key] ?? null, c.kind)) : el('td', { class: 'govuk-table__cell govuk-table__cell--numeric' }, formatCell(r[c.key] ?? null, c.kind)))),
          ),
        );
    const tableEl = el(
      'table',
      { class: 'govuk-table', id: tableId },
      el('caption', { class: 'govuk-table__caption govuk-table__caption--s' }, `${table.title}: figures`),
      el('thead', { class: 'govuk-table__head' }, el('tr', { class: 'govuk-table__row' }, ...head.map((h) => el('th', { scope: 'col', class: 'govuk-table__header' }, h)))),
      el('tbody', { class: 'govuk-table__body' }, ...(body.length ? body : [el('tr', { class: 'govuk-table__row' }, el('td', { class: 'govuk-table__cell', colspan: String(head.length) }, 'Nothing in this period.'))])),
    );
    // A wide table scrolls sideways in a region a keyboard can reach and scroll.
    const scroll = el('div', { class: 'ca-report-scroll', role: 'region', tabindex: '0', 'aria-label': `${table.title}, table (scrolls sideways)` }, tableEl);
    const csv = el('a', { class: 'govuk-link', href: `/api/console/reports/csv/${encodeURIComponent(table.id)}?${q}`, download: '' }, 'Download CSV', el('span', { class: 'govuk-visually-hidden' }, ` of ${table.title.toLowerCase()}`));
    return el(
      'section',
      { class: 'ca-report-section', id: `report-${table.id}`, 'aria-labelledby': headingId },
      el('h3', { class: 'govuk-heading-m', id: headingId }, table.title),
      el('p', { class: 'govuk-body' }, table.description),
      chart,
      scroll,
      el('p', { class: 'govuk-body' }, csv),
    );
  }

  private label(table: ReportTable, key: string): string {
    return table.columns.find((c) => c.key === key)?.label ?? key;
  }

  private draw(table: ReportTable): void {
    if (!table.chart || !table.rows.length) return;
    const canvas = document.getElementById(`report-${table.id}-chart`) as HTMLCanvasElement | null;
    if (!canvas) return;
    const first = table.columns[0].key;
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    this.charts.push(
      new Chart(canvas, {
        type: table.chart.type,
        data: {
          labels: table.rows.map((r) => String(r[first] ?? '')),
          datasets: table.chart.series.map((key, i) => ({
            label: this.label(table, key),
            data: table.rows.map((r) => (typeof r[key] === 'number' ? (r[key] as number) : 0)),
            backgroundColor: COLOURS[i % COLOURS.length],
            borderColor: COLOURS[i % COLOURS.length],
            borderDash: i % 2 ? [6, 4] : [],
            pointStyle: i % 2 ? 'rect' : 'circle',
          })),
        },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          animation: reduced ? false : { duration: 300 },
          plugins: { legend: { position: 'bottom' } },
          scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
        },
      }),
    );
  }
}

