import { clean, command, matchChoice, ordinal, yesNo } from './matching.js';

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

test('Welsh answers: accents are dropped, not turned into gaps, and Welsh yes and no are read', () => {
  expect(clean('Tŷ ar Stryd y Bont')).toBe('ty ar stryd y bont');
  expect(clean('SŴN uchel')).toBe('swn uchel');
  for (const yes of ['ydw', 'Oes', 'do', 'ie siŵr', 'iawn']) expect(yesNo(yes)).toBe(true);
  for (const no of ['naddo', 'Nac oes', 'na', 'nac ydw', 'dim diolch']) expect(yesNo(no)).toBe(false);
  expect(yesNo('do not')).toBe(false);
  const bins = [
    { value: 'general', label: 'Sbwriel cyffredinol (bin gwyrdd)', synonyms: ['sbwriel', 'bin gwyrdd'] },
    { value: 'glass', label: 'Bocs gwydr', synonyms: ['gwydr', 'poteli'] },
  ];
  expect(matchChoice('y bocs gwydr', bins)?.value).toBe('glass');
});
