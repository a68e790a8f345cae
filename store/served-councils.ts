/**
 * The periodic sweeps' filter to the councils their process serves: a database shared by several deployments holds other
 * councils' rows, which their own processes sweep with their own settings.
 */
import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';

/**
 * A `where` for rows of the given councils: every council's when `tenants` is not given (a process serving them all, tests), none
 * for an empty list (`in ()` is not SQL).
 */
export function ofCouncils(tenants?: Iterable<string>) {
  const list = tenants && [...tenants];
  return <DB, TB extends keyof DB>(eb: ExpressionBuilder<DB, TB>): Expression<SqlBool> => {
    if (!list) return sql<SqlBool>`true`;
    if (!list.length) return sql<SqlBool>`false`;
    return eb(sql.ref<string>('tenant_id'), 'in', list);
  };
}
