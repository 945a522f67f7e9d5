// Stands in for livekit-client in the app and widget builds: Timbre's conversations run over the WebSocket only (both
// ask for connectionType 'websocket'), so the WebRTC client (~140 KB gzipped) is left out of the scripts.
const unsupported = () => { throw new Error('WebRTC conversations are not supported by this server; use the WebSocket.'); };
export class Room { constructor() { unsupported(); } }
export const RoomEvent = {};
export const Track = { Source: {}, Kind: {} };
export const ConnectionState = {};
export const createLocalAudioTrack = unsupported;
