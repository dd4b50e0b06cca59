// The app's own product list (a real app would fetch its catalogue).
import { PRODUCTS as CATALOGUE } from '../src/catalogue.ts';

export const PRODUCTS = CATALOGUE.map(({ id, name }) => ({ id, name }));
