/** The shape of a message catalogue with its texts as plain strings: what every other language must fill. */
export type CatalogueShape<T> = { readonly [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]> };
