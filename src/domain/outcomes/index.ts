export * from './copm.js';
export * from './gas.js';
export * from './scores.js';
