/** Case updates in the resident's language (issue 17): Welsh status words and a Welsh stop button; English unchanged. */
import { updateEmail, updateMessage } from './wording.js';

const facts = { reference: 'MBC-123456', service: 'Potholes', to: 'in_progress', note: 'Gang booked for Tuesday' };

test('an update in Welsh says the status in Welsh and offers "Stopio diweddariadau"', () => {
  const cy = updateMessage({ ...facts, language: 'cy' });
  expect(cy.text).toBe('Diweddariad am eich adroddiad MBC-123456 (Potholes): mae bellach ar waith. Gang booked for Tuesday.');
  expect(cy.suggestions).toEqual([{ label: 'Stopio diweddariadau', value: 'Stopio diweddariadau' }]);
  expect(cy.language).toBe('cy');
  const email = updateEmail({ ...facts, language: 'cy' }, { name: 'Cyngor Bwrdeistref Merebrook', contact: '01632 960 100' });
  expect(email.status).toBe('ar waith');
  expect(email.message).toMatch(/teipiwch "stopio diweddariadau"/);
});

test('English updates are worded as before', () => {
  const en = updateMessage(facts);
  expect(en.text).toBe('Update on your report MBC-123456 (Potholes): it is now being worked on. Gang booked for Tuesday.');
  expect(en.suggestions).toEqual([{ label: 'Stop updates', value: 'Stop updates' }]);
  expect(en).not.toHaveProperty('language');
});
