import { t } from './i18n';

test('values are not HTML-escaped: React renders the text, and a date keeps its slashes', () => {
  expect(t('test.due', 'due {{at}}', { at: '2026/12/1 09:00' })).toBe('due 2026/12/1 09:00');
  expect(t('test.note', '{{text}}', { text: '<b>R&D</b> "x"' })).toBe('<b>R&D</b> "x"');
});
