import { describe, expect, it } from 'vitest';
import { foldedVariants, foldName, words } from '../../shared/domain/fold';

describe('name folding', () => {
  it.each([
    ['Müller', 'muller'],
    ['Nießen', 'niessen'],
    ['Nguyễn', 'nguyen'],
    ['Şükrü', 'sukru'],
    ['Łukasz', 'lukasz'],
    ['ÇELİK', 'celik'],
    ['Иван', 'иван'],
  ])('folds %s to %s', (name, folded) => {
    expect(foldName(name)).toBe(folded);
  });

  it('indexes German umlauts under both transliterations', () => {
    expect(foldedVariants('Müller')).toEqual(['muller', 'mueller']);
    expect(foldedVariants('Öztürk')).toEqual(['ozturk', 'oeztuerk']);
    expect(foldedVariants('Nguyễn')).toEqual(['nguyen']);
  });

  it('splits folded text into words at hyphens and spaces', () => {
    expect(words(foldName('Yılmaz-Nguyễn  de la Cruz'))).toEqual(['yilmaz', 'nguyen', 'de', 'la', 'cruz']);
  });
});
