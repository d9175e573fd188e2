// First, before anything that loads zod (see strictCsp.ts); the app itself is loaded after it.
import '../domain/strictCsp';

void import('./start');
