// Stands in for livekit-client in the widget build: Timbre's conversations run over the WebSocket only (the widget
// always asks for connectionType 'websocket'), so the WebRTC client (~100 KB gzipped) is left out of the script.
const unsupported = () => { throw new Error('WebRTC conversations are not supported by this server; use the WebSocket.'); };
export class Room { constructor() { unsupported(); } }
export const RoomEvent = {};
export const Track = { Source: {}, Kind: {} };
export const ConnectionState = {};
export const createLocalAudioTrack = unsupported;
