export * from './calendar';
export * from './ics';
export * from './spec';
export * from './zone';
export { chinaDays } from './china';
export * from './coverage';
