import { TextDecoder, TextEncoder } from 'node:util';

// jsdom lacks TextEncoder, which react-router needs when it loads. Import this module before
// react-router in a jsdom test (a shared Jest setup file would be the cleaner home for it).
Object.assign(globalThis, { TextEncoder, TextDecoder });
