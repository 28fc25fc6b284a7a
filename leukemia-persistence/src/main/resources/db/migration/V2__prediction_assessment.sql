-- What the model says about each prediction: confident zone, unusual input, contributions.
ALTER TABLE prediction ADD COLUMN confident BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE prediction ADD COLUMN out_of_distribution BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE prediction ADD COLUMN unusual_reasons VARCHAR(2000);
ALTER TABLE prediction ADD COLUMN contributions LONGTEXT;
