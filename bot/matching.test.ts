import { command, matchChoice, ordinal, yesNo } from './matching.js';

test('yes and no in the ways residents say them', () => {
  for (const y of ['yes', 'Yeah', 'yep!', 'ok', 'Yes please', 'correct', '1', 'Yes, it helped', 'that helped']) expect([y, yesNo(y)]).toEqual([y, true]);
  for (const n of ['no', 'Nope', 'no thanks', '2', "No, it didn't help", 'not really', "didn't help"]) expect([n, yesNo(n)]).toEqual([n, false]);
  expect(yesNo('my bin is blue')).toBeNull();
});

test('flow commands', () => {
  expect(command('Cancel')).toBe('cancel');
  expect(command('start again')).toBe('restart');
  expect(command('go back')).toBe('back');
  expect(command('skip')).toBe('skip');
  expect(command("I don't know")).toBe('skip');
  expect(command('talk to a person')).toBe('person');
  expect(command('my bin was not collected')).toBeNull();
});

test('choices by number, by word and by synonym', () => {
  const options = [
    { value: 'general', label: 'General rubbish (green bin)', synonyms: ['rubbish', 'green bin'] },
    { value: 'recycling', label: 'Recycling (blue bin)', synonyms: ['blue', 'plastics'] },
    { value: 'garden', label: 'Garden waste (brown bin)', synonyms: ['garden', 'brown'] },
  ];
  expect(matchChoice('2', options)?.value).toBe('recycling');
  expect(matchChoice('the third one', options)?.value).toBe('garden');
  expect(matchChoice('it was the blue one', options)?.value).toBe('recycling');
  expect(matchChoice('Garden waste (brown bin)', options)?.value).toBe('garden');
  expect(matchChoice('a purple one', options)).toBeNull();
  expect(ordinal('number four')).toBe(4);
});
