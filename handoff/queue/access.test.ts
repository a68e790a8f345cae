import { audienceOfHandoff, queuesServedBy, sightOf, type SeenHandoff } from './access.js';
import { isSupervisor } from './common.js';
import { OverflowState } from './overflow.js';
import { QUEUES } from './test-helpers.js';

/**
 * Need-to-know (issue 10): the console's live events reach exactly the agents who may see the
 * conversation. `audienceOfHandoff` (rooms) must agree with `sightOf` (the listing and the routes)
 * for every kind of agent and every state of a handoff: one rule, checked both ways.
 */
const agents = [
  { id: 'waste-highways', roles: ['agent'], skills: ['waste', 'highways', 'street_scene'] },
  { id: 'safety', roles: ['agent'], skills: ['safety', 'social_care'] },
  { id: 'half-safety', roles: ['agent'], skills: ['safety'] },
  { id: 'none', roles: ['agent'], skills: [] },
  { id: 'supervisor', roles: ['supervisor'], skills: ['waste'] },
  { id: 'admin', roles: ['admin'], skills: [] },
];

function handoffs(): { label: string; h: SeenHandoff }[] {
  const out: { label: string; h: SeenHandoff }[] = [];
  for (const queue of ['general', 'waste', 'highways', 'safeguarding', 'retired-queue']) {
    for (const priority of ['normal', 'urgent']) {
      const base = { queue, priority, offered_to: null, agent_id: null, context: {}, closed_at: null };
      out.push({ label: `${queue}/${priority} waiting`, h: base });
      out.push({ label: `${queue}/${priority} offered to waste-highways`, h: { ...base, offered_to: 'waste-highways' } });
      out.push({ label: `${queue}/${priority} transferred to none`, h: { ...base, offered_to: 'none', context: { transfer: { toAgentId: 'none' } } } });
      out.push({ label: `${queue}/${priority} held by safety`, h: { ...base, agent_id: 'safety' } });
      out.push({ label: `${queue}/${priority} held by waste-highways`, h: { ...base, agent_id: 'waste-highways' } });
      out.push({ label: `${queue}/${priority} closed, held by none`, h: { ...base, agent_id: 'none', closed_at: new Date() } });
      out.push({ label: `${queue}/${priority} closed while waiting`, h: { ...base, closed_at: new Date() } });
    }
  }
  return out;
}

/** Whether an agent's console (its rooms, as api/console/socket.ts joins them) hears an event for this audience. */
function hears(agent: (typeof agents)[number], h: SeenHandoff | undefined, overflow?: OverflowState): boolean {
  const a = audienceOfHandoff(h, QUEUES, overflow);
  return isSupervisor(agent) || a.everyone || a.agents.includes(agent.id) || (!!a.queue && queuesServedBy(agent, QUEUES).includes(a.queue));
}

const present = (ids: string[]) =>
  new OverflowState(
    'all_agents',
    agents.filter((a) => ids.includes(a.id)).map((a) => ({ id: a.id, name: a.id, skills: a.skills, capacity: 3, open: 0, offers: 0 })),
    QUEUES,
  );

test.each([
  ['no overflow state', undefined],
  ['overflow: only agents without the safety skills are here', present(['waste-highways', 'none', 'half-safety'])],
  ['no overflow: a safety agent is here', present(['waste-highways', 'safety'])],
])('the live audience is exactly who may see the handoff (%s)', (_label, overflow) => {
  const disagreements: string[] = [];
  for (const { label, h } of handoffs()) {
    for (const agent of agents) {
      const sees = sightOf(agent, h, QUEUES, overflow) !== null;
      if (sees !== hears(agent, h, overflow)) disagreements.push(`${agent.id} / ${label}: sees ${sees}`);
    }
  }
  expect(disagreements).toEqual([]);
});

test('the cases the defect was about', () => {
  const [wasteHighways, safety, , , supervisor] = agents;
  const safeguarding: SeenHandoff = { queue: 'safeguarding', priority: 'urgent', offered_to: null, agent_id: null, context: {}, closed_at: null };
  expect(sightOf(wasteHighways, safeguarding, QUEUES, present(['waste-highways', 'safety']))).toBeNull();
  expect(sightOf(safety, safeguarding, QUEUES)).toBe('queue');
  expect(sightOf(supervisor, safeguarding, QUEUES)).toBe('supervisor');
  // Held by the safety agent: still closed to the waste agent, open to the supervisor.
  expect(sightOf(wasteHighways, { ...safeguarding, agent_id: safety.id }, QUEUES)).toBeNull();
  expect(sightOf(supervisor, { ...safeguarding, agent_id: safety.id }, QUEUES)).toBe('supervisor');
  // A conversation never handed off: supervisors only.
  expect(hears(wasteHighways, undefined)).toBe(false);
  expect(hears(supervisor, undefined)).toBe(true);
  // Urgent overflow still reaches an agent without the skills when nobody with them is here.
  expect(sightOf(wasteHighways, safeguarding, QUEUES, present(['waste-highways']))).toBe('overflow');
});
