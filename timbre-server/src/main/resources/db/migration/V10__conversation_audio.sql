-- Call recordings (issue 7): the MP3 of a voice conversation is the blob convai/conversations/{conversation_id}/audio.mp3,
-- stored before these flags are set. has_audio: the recording is stored; has_user_audio / has_response_audio: it holds
-- audio of the user / of the agent. All false for text conversations and when the agent's privacy settings forbid it.
ALTER TABLE conversations ADD COLUMN has_audio BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN has_user_audio BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE conversations ADD COLUMN has_response_audio BOOLEAN NOT NULL DEFAULT FALSE;
