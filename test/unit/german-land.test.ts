import { describe, expect, it } from 'vitest';
import { landOfPostcode } from '../../main/core/services/german-land';

describe('landOfPostcode', () => {
  it('gives the Land of a postcode, also where a postcode area crosses a Land border', () => {
    expect(landOfPostcode('52351')).toBe('Nordrhein-Westfalen');
    expect(landOfPostcode('10115')).toBe('Berlin');
    // In areas whose first digits belong to a neighbour: Neu-Ulm, Zweibrücken, Bremerhaven, Norderstedt (spelled right, unlike the package's data).
    expect(landOfPostcode('89231')).toBe('Bayern');
    expect(landOfPostcode('66482')).toBe('Rheinland-Pfalz');
    expect(landOfPostcode('27568')).toBe('Bremen');
    expect(landOfPostcode('22844')).toBe('Schleswig-Holstein');
    expect(landOfPostcode('01067')).toBe('Sachsen');
  });

  it('gives none where a postcode’s places lie in two Länder, or the postcode is unknown or malformed', () => {
    expect(landOfPostcode('07919')).toBeNull();
    expect(landOfPostcode('52302')).toBeNull();
    expect(landOfPostcode('5235')).toBeNull();
    expect(landOfPostcode('')).toBeNull();
  });
});
