/**
 * A view of a database (or a transaction) that refuses to write: the turn policy is given one, so
 * "the policy decides and returns, it does not write" (ARCHITECTURE.md, One turn) holds at run
 * time, not only by review. Reads, row locks (`for update`) included, pass through unchanged.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import type { Db } from './schema.js';

export class WriteRefused extends Error {}

const READ_NODES = new Set(['SelectQueryNode']);
/** Raw SQL (a `sql` template) is allowed only when it plainly reads. */
const READ_SQL = /^\s*(select|with\s+[\s\S]*\)\s*select)\b/i;

class RefuseWrites implements KyselyPlugin {
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const node = args.node;
    if (READ_NODES.has(node.kind)) return node;
    if (node.kind === 'RawNode' && READ_SQL.test(node.sqlFragments.join('?'))) return node;
    throw new WriteRefused(`a read-only view refused a ${node.kind.replace(/Node$/, '')} (the policy returns effects; the pipeline writes them)`);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const refuseWrites = new RefuseWrites();

/** The same connection or transaction, refusing inserts, updates, deletes and DDL. */
export function readOnly(db: Db): Db {
  return db.withPlugin(refuseWrites);
}
