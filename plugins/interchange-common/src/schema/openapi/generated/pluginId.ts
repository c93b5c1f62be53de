export const pluginId = 'interchange';
