-- How a stored voice (an instant or professional clone, a designed voice) departs from its engine voice:
-- JSON of dev.timbre.engine.VoiceShape as the API's mapper writes it; NULL: unchanged.
ALTER TABLE voices ADD COLUMN shape VARCHAR(1000);
