import { describeHours, isOpen, priorityFor, queueFor } from './index.js';

const hours = {
  timezone: 'Europe/London',
  weekly: { monday: '08:30-17:00', tuesday: '08:30-17:00', wednesday: '08:30-17:00', thursday: '08:30-17:00', friday: '08:30-16:30' },
  holidays: ['2026-12-25'],
};

test('opening hours in the council time zone, with holidays', () => {
  expect(isOpen(hours, new Date('2026-11-18T10:00:00Z'))).toBe(true); // Wednesday 10:00 GMT
  expect(isOpen(hours, new Date('2026-11-18T17:30:00Z'))).toBe(false);
  expect(isOpen(hours, new Date('2026-11-20T16:45:00Z'))).toBe(false); // Friday closes at 16:30
  expect(isOpen(hours, new Date('2026-11-21T10:00:00Z'))).toBe(false); // Saturday
  expect(isOpen(hours, new Date('2026-12-25T10:00:00Z'))).toBe(false); // holiday
  expect(isOpen(hours, new Date('2026-07-01T07:45:00Z'))).toBe(true); // 08:45 BST
  expect(describeHours(hours)).toBe('Monday to Thursday 8:30am to 5pm, Friday 8:30am to 4:30pm');
});

test('routing to a queue by skill, with safety first', () => {
  const queues = [
    { id: 'general', name: 'Customer services', skills: [] },
    { id: 'waste', name: 'Waste', skills: ['waste'] },
    { id: 'safeguarding', name: 'Safeguarding', skills: ['safety'] },
  ];
  expect(queueFor(queues, { id: 'waste.new_bin', area: 'waste', kind: 'request', ooh: false }).id).toBe('waste');
  expect(queueFor(queues, { id: 'safety.risk_to_life', area: 'safety', kind: 'emergency', ooh: true }).id).toBe('safeguarding');
  expect(queueFor(queues, undefined).id).toBe('general');
  expect(priorityFor('safety.risk_to_life', undefined)).toBe('urgent');
  expect(priorityFor('resident_request', { id: 'housing.emergency_repair', area: 'housing', kind: 'emergency', ooh: true })).toBe('high');
  expect(priorityFor('resident_request', { id: 'waste.new_bin', area: 'waste', kind: 'request', ooh: false })).toBe('normal');
});
