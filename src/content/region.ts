import { z } from 'astro/zod';

/** A 2020 GSO administrative code: 2 digits for a province, 3 for a district or city. */
export const gsoCodeSchema = z.string().regex(/^\d{2,3}$/, 'a GSO code has 2 (province) or 3 (district) digits');

/**
 * One row of `content/regions/provinces-2020.csv`: a province as it was in 2020–2021
 * (GSO list of 01/11/2020) and the province it became on 01/07/2025.
 */
export const provinceReferenceRowSchema = z.strictObject({
  /** GSO code of 2020 (`91` = Kiên Giang). Statistics join on this, never on 2025 codes. */
  code: z.string().regex(/^\d{2}$/, 'a province code has 2 digits'),
  /** Official name with its type, as the GSO list prints it (`Tỉnh Kiên Giang`). */
  name: z.string().regex(/^(Tỉnh|Thành phố) \S/, 'a name starts with "Tỉnh" or "Thành phố"'),
  /** `Tỉnh` or `Thành phố Trung ương` (a centrally run city). */
  type: z.enum(['Tỉnh', 'Thành phố Trung ương']),
  /**
   * 2019 census population, only where a second source or an exact published rate confirms it;
   * blank otherwise (the per-province table found does not add up to the national total).
   */
  population_2019: z.union([z.literal(''), z.string().regex(/^\d+$/)]),
  /** Where the population figure was confirmed; required when a population is given. */
  population_source: z.string(),
  /** Code of the province it has been part of since 01/07/2025 (QĐ 19/2025/QĐ-TTg). */
  code_2025: z.string().regex(/^\d{2}$/),
  /** Name of that province since 01/07/2025. */
  name_2025: z.string().min(2),
}).refine((row) => row.population_2019 === '' || row.population_source.trim() !== '', {
  message: 'a population needs its source',
  path: ['population_source'],
});

export type ProvinceReferenceRow = z.infer<typeof provinceReferenceRowSchema>;
