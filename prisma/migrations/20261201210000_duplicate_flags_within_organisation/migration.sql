-- Duplicate flags are now set only by a match within the same organisation (a match across organisations
-- told one organisation's reviewers that a person had applied to another: an identity oracle). Flags set
-- before by a match with another organisation's case only are cleared; in-organisation matches stay.
UPDATE "Application" a SET "isDuplicateFlagged" = false
WHERE a."isDuplicateFlagged" AND NOT EXISTS (
  SELECT 1 FROM "Application" o
  WHERE o.id <> a.id AND o."applicantId" <> a."applicantId"
    AND ((a."phoneIndex" IS NOT NULL AND o."phoneIndex" = a."phoneIndex") OR (a."identityIndex" IS NOT NULL AND o."identityIndex" = a."identityIndex"))
    AND (SELECT f."organisationId" FROM "Fund" f WHERE f.id = o."fundId") = (SELECT f."organisationId" FROM "Fund" f WHERE f.id = a."fundId")
);
