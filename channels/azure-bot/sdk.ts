/**
 * Microsoft's Agents SDK, loaded only when a council has an Azure bot: importing it costs a few
 * hundred milliseconds and tens of megabytes at start, which every other deployment would pay.
 */
import type hostingModule from '@microsoft/agents-hosting';
import type activityModule from '@microsoft/agents-activity';

export interface AgentsSdk {
  hosting: typeof hostingModule;
  activity: typeof activityModule;
}

let loading: Promise<AgentsSdk> | undefined;

/** The SDK's modules, imported once (a failed import is tried again next time). */
export function agentsSdk(): Promise<AgentsSdk> {
  loading ??= Promise.all([import('@microsoft/agents-hosting'), import('@microsoft/agents-activity')]).then(
    ([hosting, activity]) => ({ hosting: hosting.default, activity: activity.default }),
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}
