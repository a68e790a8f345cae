/**
 * The council's Open311 services: every service whose content-pack flow creates a case. Its
 * service_code is the catalogue's LGSL code where that code names one such service only, else the
 * service id (either is accepted on input). Attributes are the flow's questions other than the
 * location, which Open311 carries in its own fields (lat/long, address_string, address_id).
 */
import type { ContentPack, Flow, Service } from '../bot/index.js';

type FlowStep = Flow['steps'][number];

export interface Open311Service {
  code: string;
  service: Service;
  flow: Flow & { outcome: { type: 'case' } };
  /** The flow's location question (if any): whether a described place will do. */
  locationStep?: FlowStep;
  attributes: FlowStep[];
}

function caseFlow(flow: Flow): flow is Flow & { outcome: Extract<Flow['outcome'], { type: 'case' }> } {
  return flow.outcome.type === 'case';
}

const cache = new WeakMap<ContentPack, Open311Service[]>();

/** Built once per content pack (packs are loaded once at start). */
export function open311Services(pack: ContentPack): Open311Service[] {
  const known = cache.get(pack);
  if (known) return known;
  const flows = pack.flows.filter(caseFlow).filter((f) => pack.servicesById.has(f.service));
  const lgslCount = new Map<number, number>();
  for (const f of flows) {
    const lgsl = pack.servicesById.get(f.service)!.lgsl;
    if (lgsl != null) lgslCount.set(lgsl, (lgslCount.get(lgsl) ?? 0) + 1);
  }
  const list = flows.map((flow) => {
    const service = pack.servicesById.get(flow.service)!;
    const code = service.lgsl != null && lgslCount.get(service.lgsl) === 1 ? String(service.lgsl) : service.id;
    return {
      code,
      service,
      flow,
      locationStep: flow.steps.find((s) => s.type === 'location'),
      attributes: flow.steps.filter((s) => s.type !== 'location'),
    };
  });
  cache.set(pack, list);
  return list;
}

export function findService(pack: ContentPack, code: string): Open311Service | undefined {
  return open311Services(pack).find((s) => s.code === code || s.service.id === code);
}

function text(w: FlowStep['prompt'] | undefined): string {
  return w === undefined ? '' : typeof w === 'string' ? w : w.default;
}

/** A service in the GET services list. */
export function serviceListing(s: Open311Service) {
  return {
    service_code: s.code,
    service_name: s.service.name,
    description: s.service.description,
    metadata: s.attributes.length > 0,
    type: 'realtime',
    keywords: [s.service.id, s.service.area, s.service.lgsl != null ? `lgsl:${s.service.lgsl}` : null].filter(Boolean).join(','),
    group: s.service.area,
  };
}

function datatype(step: FlowStep): string {
  switch (step.type) {
    case 'choice':
    case 'yes_no':
      return 'singlevaluelist';
    case 'number':
      return 'number';
    case 'date':
      return 'datetime';
    case 'text':
      return 'text';
    default:
      return 'string';
  }
}

/** The possible answers of a list question: the flow's options, or yes and no. */
export function attributeValues(step: FlowStep): { key: string; name: string }[] | undefined {
  if (step.type === 'choice') return (step.options ?? []).map((o) => ({ key: o.value, name: o.label }));
  if (step.type === 'yes_no') return [{ key: 'yes', name: 'Yes' }, { key: 'no', name: 'No' }];
  return undefined;
}

/** A question asked only after a given answer is not required: the client may not have that answer. */
export function attributeRequired(step: FlowStep): boolean {
  return !step.optional && !step.when;
}

/** GET services/{code}: the flow's questions as attribute definitions. */
export function serviceDefinition(s: Open311Service) {
  return {
    service_code: s.code,
    attributes: s.attributes.map((step, i) => {
      const values = attributeValues(step);
      const when = step.when ? ` Only asked when ${step.when.slot} is ${step.when.in.join(' or ')}.` : '';
      return {
        variable: true,
        code: step.slot,
        datatype: datatype(step),
        required: attributeRequired(step),
        datatype_description: `${text(step.help)}${when}`.trim(),
        order: i + 1,
        description: text(step.prompt),
        ...(values ? { values } : {}),
      };
    }),
  };
}
