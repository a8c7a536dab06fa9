// District (kecamatan) codes from the official area register, used to flag NIKs
// whose first six digits match no real district. The only domain file doing I/O.
import { getDistricts } from 'idn-area-data';

// Loads all 6-digit district codes ('11.01.01' -> '110101') for NIK prefix checks.
export async function loadDistrictCodes(): Promise<Set<string>> {
  const districts = await getDistricts();
  return new Set(districts.map((d) => d.code.replace(/\./g, '')));
}
