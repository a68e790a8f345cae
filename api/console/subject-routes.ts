import { Router, type Request } from 'express';
import { z } from 'zod';
import { eraseSubject, erasureRecords, findSubjects, gatherSubject, recordAudit, subjectMediaFile, type Subject, type SubjectRecord } from '../../store/index.js';
import { openFile, sweepDeletedFiles } from '../../files/index.js';
import { sendProblem } from '../problem.js';
import type { ConsoleDeps } from './deps.js';
import { requireAgent } from './session.js';

/**
 * Subject access and erasure for admins (README "Privacy"): search a resident by phone, e-mail,
 * case reference or name; export everything held about them as JSON or a printable page (files they
 * sent listed, each downloadable by its id); erase them. Only the `admin` role reaches these (a supervisor is not an admin unless given the role);
 * every search, export and erasure is an audit event naming the records, never the search term.
 */

const searchBody = z.object({ by: z.enum(['phone', 'email', 'reference', 'name']), value: z.string().trim().min(1).max(200) }).strict();
const id = z.string().min(1).max(100);
const eraseBody = z
  .object({
    contactIds: z.array(id).max(50).default([]),
    caseIds: z.array(id).max(50).default([]),
    reason: z.string().trim().min(5).max(1000),
    /** Typed by the admin: the word ERASE. */
    confirm: z.literal('ERASE'),
  })
  .strict();

/** `?contacts=a,b&cases=c` (or repeated keys) → a subject; at most 50 of each. */
function subjectFromQuery(req: Request): Subject | null {
  const list = (v: unknown) =>
    (Array.isArray(v) ? v : [v])
      .filter((x): x is string => typeof x === 'string')
      .flatMap((x) => x.split(','))
      .map((x) => x.trim())
      .filter((x) => x && x.length <= 100);
  const subject = { contactIds: [...new Set(list(req.query.contacts))], caseIds: [...new Set(list(req.query.cases))] };
  if (!subject.contactIds.length && !subject.caseIds.length) return null;
  if (subject.contactIds.length > 50 || subject.caseIds.length > 50) return null;
  return subject;
}

function escapeHtml(v: unknown): string {
  const s = v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SECTIONS: { key: keyof SubjectRecord; title: string }[] = [
  { key: 'contacts', title: 'Contact records' },
  { key: 'identities', title: 'How they reached us (channel identities)' },
  { key: 'contactClaims', title: 'Phone numbers and e-mail addresses given' },
  { key: 'conversations', title: 'Conversations' },
  { key: 'messages', title: 'Messages' },
  { key: 'cases', title: 'Cases' },
  { key: 'caseHistory', title: 'Case history' },
  { key: 'linkedReports', title: 'Their reports joined to another case' },
  { key: 'caseUpdates', title: 'Updates about their cases they asked for' },
  { key: 'callbacks', title: 'Call-backs they asked for' },
  { key: 'handoffs', title: 'Handoffs to staff' },
  { key: 'referrals', title: 'Duty referrals' },
  { key: 'feedback', title: 'Feedback on answers' },
  { key: 'conversationEvents', title: 'Conversation changes' },
  { key: 'auditEvents', title: 'Audit trail (who looked at or changed their records)' },
  { key: 'pendingJobs', title: 'Pending background jobs' },
  { key: 'mediaFiles', title: 'Files they sent (photos, documents, voice notes)' },
  { key: 'callRecordings', title: 'Recordings of their calls (the audio is kept in the council\'s Twilio account; play or export it in the conversation)' },
  { key: 'agentNotes', title: 'Notes staff wrote about their conversations' },
  { key: 'satisfaction', title: 'Their answers to "How did we do?"' },
];

/** Each kept file with the path an admin fetches it from (for the same subject), beside its description. */
function withDownloads(record: SubjectRecord, query: string): SubjectRecord {
  return {
    ...record,
    mediaFiles: record.mediaFiles.map((f) => (f.status === 'stored' ? { ...f, download: `/api/console/subject-access/files/${String(f.id)}?${query}` } : f)),
  };
}

/** The subject as the export's query names it: `contacts=a,b&cases=c`. */
function subjectQuery(subject: Subject): string {
  const q = new URLSearchParams();
  if (subject.contactIds.length) q.set('contacts', subject.contactIds.join(','));
  if (subject.caseIds.length) q.set('cases', subject.caseIds.join(','));
  return q.toString();
}

/** A plain, printable page: one table per kind of record, headed cells, no script. */
export function subjectHtml(record: SubjectRecord, meta: { council: string; exportedAt: Date; exportedBy: string }): string {
  const section = ({ key, title }: (typeof SECTIONS)[number], i: number) => {
    const rows = record[key];
    const head = `<h2 id="s${i}">${escapeHtml(title)} <span class="count">(${rows.length})</span></h2>`;
    if (!rows.length) return `<section aria-labelledby="s${i}">${head}<p>None held.</p></section>`;
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const th = columns.map((c) => `<th scope="col">${escapeHtml(c.replace(/_/g, ' '))}</th>`).join('');
    const cell = (c: string, v: unknown) => (c === 'download' && typeof v === 'string' && v.startsWith('/api/console/') ? `<a href="${escapeHtml(v)}">Download the file</a>` : escapeHtml(v));
    const body = rows.map((r) => `<tr>${columns.map((c) => `<td>${cell(c, r[c])}</td>`).join('')}</tr>`).join('\n');
    return `<section aria-labelledby="s${i}">${head}<div class="scroll" role="region" aria-labelledby="s${i}" tabindex="0"><table><caption class="visually-hidden">${escapeHtml(title)}</caption><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table></div></section>`;
  };
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Subject access export: ${escapeHtml(meta.council)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #0b0c0c; line-height: 1.4; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 2px solid #0b0c0c; }
.count { font-weight: normal; }
table { border-collapse: collapse; font-size: 0.85rem; width: 100%; }
th, td { border: 1px solid #505a5f; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; word-break: break-word; }
th { background: #f3f2f1; }
.scroll { overflow-x: auto; }
.scroll:focus { outline: 3px solid #ffdd00; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
@media print { body { margin: 0; } .scroll { overflow: visible; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
</style>
</head>
<body>
<main>
<h1>Subject access export</h1>
<p>Everything ${escapeHtml(meta.council)} holds about this resident in the council assistant, exported on ${escapeHtml(meta.exportedAt.toISOString())} by ${escapeHtml(meta.exportedBy)}. Recordings of calls are listed below; their audio is kept in the council's Twilio account and deleted there with this record.</p>
<nav aria-label="Sections"><ul>${SECTIONS.map((s, i) => `<li><a href="#s${i}">${escapeHtml(s.title)}</a> (${record[s.key].length})</li>`).join('')}</ul></nav>
${SECTIONS.map(section).join('\n')}
</main>
</body>
</html>`;
}

export function subjectRoutes(deps: ConsoleDeps): Router {
  const router = Router();
  const admins = requireAgent(deps, { roles: ['admin'] });
  const db = deps.store.db;

  /** One audit event per record named (a contact, or a case without one); a search that finds nobody is recorded against the council. */
  async function audit(req: Request, action: string, subject: Subject, detail: Record<string, unknown>) {
    const agent = req.agent!;
    const named = [...subject.contactIds.map((i) => ({ type: 'contact', id: i })), ...subject.caseIds.map((i) => ({ type: 'case', id: i }))];
    if (!named.length) named.push({ type: 'tenant', id: agent.tenantId });
    for (const s of named) {
      await recordAudit(db, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action, subjectType: s.type, subjectId: s.id, detail: { agentName: agent.name, ...detail } });
    }
  }

  // POST /subject-access/search {by, value} → {matches}. A POST keeps the phone number or name out of URLs and access logs.
  router.post('/subject-access/search', admins, async (req, res) => {
    const parsed = searchBody.safeParse(req.body ?? {});
    if (!parsed.success) return sendProblem(res, 400, 'Invalid request', 'Give `by` (phone, email, reference or name) and a `value`.');
    const tenant = req.agent!.tenantId;
    const matches = await findSubjects(db, tenant, parsed.data.by, parsed.data.value);
    await audit(req, 'subject_access.search', { contactIds: matches.flatMap((m) => (m.contactId ? [m.contactId] : [])), caseIds: matches.flatMap((m) => (m.caseId ? [m.caseId] : [])) }, { by: parsed.data.by, matches: matches.length });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ matches });
  });

  // GET /subject-access/export?contacts=a,b&cases=c&format=json|html
  router.get('/subject-access/export', admins, async (req, res) => {
    const subject = subjectFromQuery(req);
    const format = req.query.format === 'html' ? 'html' : req.query.format === undefined || req.query.format === 'json' ? 'json' : null;
    if (!subject || !format) return sendProblem(res, 400, 'Invalid request', 'Name the `contacts` and/or `cases` to export (up to 50 each), and a `format` of json or html.');
    const agent = req.agent!;
    const exportedAt = deps.clock();
    const record = withDownloads(await gatherSubject(db, agent.tenantId, subject), subjectQuery(subject));
    if (!record.contacts.length && !record.cases.length) return sendProblem(res, 404, 'Not found', 'No such contact or case.');
    await audit(req, 'subject_access.export', subject, { format });
    res.setHeader('Cache-Control', 'no-store');
    const stamp = exportedAt.toISOString().slice(0, 10);
    if (format === 'html') {
      res.setHeader('Content-Disposition', `inline; filename="subject-access-${stamp}.html"`);
      return void res.type('html').send(subjectHtml(record, { council: agent.tenantId, exportedAt, exportedBy: agent.name }));
    }
    res.setHeader('Content-Disposition', `attachment; filename="subject-access-${stamp}.json"`);
    res.json({ council: agent.tenantId, exportedAt, exportedBy: { id: agent.id, name: agent.name }, subject, record });
  });

  // GET /subject-access/files/:id?contacts=a,b&cases=c → a file the subject sent (the export lists them), as sent. Audited.
  router.get('/subject-access/files/:id', admins, async (req, res) => {
    const subject = subjectFromQuery(req);
    if (!subject) return sendProblem(res, 400, 'Invalid request', 'Name the `contacts` and/or `cases` whose file this is (up to 50 each).');
    const owned = await subjectMediaFile(db, req.agent!.tenantId, subject, String(req.params.id));
    // Kept in the file storage (files/) since migration 016; older rows hold their bytes themselves.
    const file = owned && { ...owned, data: owned.data ?? (await openFile(db, req.agent!.tenantId, owned.id))?.data ?? null };
    if (!file?.data) return sendProblem(res, 404, 'Not found', file ? 'That file was not kept (the export gives the reason).' : 'No such file of theirs.');
    await audit(req, 'subject_access.file', subject, { mediaId: file.id });
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    // Sent by a stranger: downloaded, never run as a page of ours.
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('Content-Disposition', `attachment; filename="${(file.name ?? `resident-file-${file.id.slice(0, 8)}`).replace(/[^\w. -]/g, '_').slice(0, 100)}"`);
    res.type(file.contentType).send(file.data);
  });

  // POST /subject-access/erase {contactIds, caseIds, reason, confirm: "ERASE"} → {erasureId, counts, keptCaseReferences}
  router.post('/subject-access/erase', admins, async (req, res) => {
    const parsed = eraseBody.safeParse(req.body ?? {});
    if (!parsed.success) {
      return sendProblem(res, 400, 'Invalid request', 'Give the `contactIds` and/or `caseIds`, a `reason`, and `confirm` set to ERASE.', {
        errors: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    }
    const { contactIds, caseIds, reason } = parsed.data;
    if (!contactIds.length && !caseIds.length) return sendProblem(res, 400, 'Invalid request', 'Name at least one contact or case to erase.');
    const agent = req.agent!;
    const subject = { contactIds, caseIds };
    let needles: string[] = [];
    const outcome = await db.transaction().execute(async (trx) => {
      const record = await gatherSubject(trx, agent.tenantId, subject);
      needles = jobNeedles(record);
      if (!record.contacts.length && !record.cases.length) return 'not_found' as const;
      // A person is talking to them now: erasing under them would break the conversation.
      if (record.conversations.some((c) => c.state === 'with_agent' || c.state === 'queued')) return 'busy' as const;
      const result = await eraseSubject(trx, agent.tenantId, subject, { agentId: agent.id, agentName: agent.name }, reason, deps.clock());
      for (const s of [...contactIds.map((i) => ({ type: 'contact', id: i })), ...caseIds.map((i) => ({ type: 'case', id: i }))]) {
        await recordAudit(trx, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'subject_access.erase', subjectType: s.type, subjectId: s.id, detail: { agentName: agent.name, erasureId: result.erasureId } });
      }
      await recordAudit(trx, { tenant: agent.tenantId, actorType: 'agent', actorId: agent.id, action: 'subject_access.erased', subjectType: 'erasure', subjectId: result.erasureId, detail: { agentName: agent.name, counts: result.counts } });
      return result;
    });
    if (outcome === 'not_found') return sendProblem(res, 404, 'Not found', 'No such contact or case.');
    if (outcome === 'busy') return sendProblem(res, 409, 'Conversation in progress', 'A conversation of theirs is queued for or held by an agent: close it first, then erase.');
    // The job queue too (BullMQ keeps waiting, delayed, completed and failed jobs with their data in
    // Redis; the database queue's rows went in the transaction): every job naming them is removed.
    const purgedJobs = await deps.jobs
      .purge((_name, data) => {
        const text = JSON.stringify(data ?? null);
        return needles.some((n) => text.includes(n));
      })
      .catch((err: unknown) => {
        deps.log.error({ err, erasureId: outcome.erasureId }, 'erasure: could not purge the job queue; purge it by hand');
        return 0;
      });
    // Their files leave the file storage now (the rows' deletion queued them; the sweep job retries what fails).
    const files = await sweepDeletedFiles(db, deps.log).catch((err: unknown) => {
      deps.log.error({ err, erasureId: outcome.erasureId }, 'erasure: files not yet deleted from the file storage; the sweep retries');
      return null;
    });
    deps.log.info({ tenant: agent.tenantId, erasureId: outcome.erasureId, counts: outcome.counts, purgedJobs, files }, 'subject erased');
    res.json(outcome);
  });

  // GET /subject-access/erasures → {erasures}: the record that erasures happened (no personal data).
  router.get('/subject-access/erasures', admins, async (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json({ erasures: await erasureRecords(db, req.agent!.tenantId) });
  });
  return router;
}

/** What a job naming the subject would carry: their conversations', messages' and referrals' ids, their numbers and e-mails. */
function jobNeedles(record: SubjectRecord): string[] {
  const values = [
    ...record.conversations.map((c) => c.id),
    ...record.messages.map((m) => m.id),
    ...record.referrals.map((r) => r.id),
    ...record.contacts.flatMap((c) => [c.phone, c.email]),
    ...record.identities.map((i) => i.channel_user_id),
    ...record.contactClaims.map((c) => c.value),
  ];
  // Short values (a message id like "42") would match unrelated jobs: only distinctive ones count.
  return [...new Set(values.filter((v): v is string => typeof v === 'string' && v.length >= 8))];
}
