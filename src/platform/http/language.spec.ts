import { requestLanguage } from './language.js';

describe('the language of a request', () => {
  it.each([
    ['vi', 'vi'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['en;q=0.5, vi', 'vi'],
    ['fr, vi;q=0.4', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9,vi;q=0.8', 'en'],
    ['vi;q=0.5, *', 'en'],
    ['vi;q=0', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
    [undefined, 'en'],
  ])('Accept-Language %p answers in %s', (header, language) => {
    expect(requestLanguage(header)).toBe(language);
  });
});
