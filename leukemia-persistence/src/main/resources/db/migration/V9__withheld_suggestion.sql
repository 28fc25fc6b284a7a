-- A prediction whose suggestion is withheld: it rests on results that were not measured (too
-- few values, or a subtype that changes when the missing results take typical values). Its
-- probabilities are kept as the model gave them, for the record, but are not a suggestion.
ALTER TABLE prediction ADD COLUMN suggestion_withheld BOOLEAN DEFAULT FALSE NOT NULL;
