export * from './channel.ts';
export * from './activities.ts';
export * from './spawn.ts';
