-- CreateEnum
CREATE TYPE "DeviceAccess" AS ENUM ('NONE', 'PHONE', 'COMPUTER');

-- CreateEnum
CREATE TYPE "InternetAccess" AS ENUM ('NONE', 'MOBILE_ONLY', 'HOME');

-- AlterEnum
ALTER TYPE "EnrollmentStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "ApplicantProfile" ADD COLUMN     "availableFrom" TIMESTAMP(3),
ADD COLUMN     "device" "DeviceAccess",
ADD COLUMN     "experienceEnc" TEXT,
ADD COLUMN     "internet" "InternetAccess",
ADD COLUMN     "situation" "SituationCategory";

-- AlterTable
ALTER TABLE "Course" ADD COLUMN     "duplicatedFromId" TEXT,
ADD COLUMN     "seatsHeld" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Enrollment" ADD COLUMN     "fromSuggestion" BOOLEAN NOT NULL DEFAULT false;

-- ---------------------------------------------------------------------------------------------------
-- Seats are never overbooked (docs/decisions/0013-courses-and-matching.md): every enrolment that holds a
-- seat (offered, accepted, attending, completed, hired) moves Course.seatsHeld in the same transaction,
-- and the CHECK refuses a course with more seats held than it has.
ALTER TABLE "Course" ADD CONSTRAINT "Course_seats_not_overbooked" CHECK ("seatsHeld" >= 0 AND "seatsHeld" <= "seats");
ALTER TABLE "Course" ADD CONSTRAINT "Course_duration_positive" CHECK ("durationWeeks" >= 1 AND "hoursPerWeek" >= 1);
ALTER TABLE "Course" ADD CONSTRAINT "Course_deadline_before_start" CHECK ("applicationDeadline" <= "startDate");

CREATE FUNCTION padtrymka_enrollment_holds(s text) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN s IN ('OFFERED', 'ACCEPTED', 'ATTENDING', 'COMPLETED', 'HIRED') THEN 1 ELSE 0 END;
$$;

CREATE FUNCTION padtrymka_enrollment_seats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  delta int;
BEGIN
  IF TG_OP = 'INSERT' THEN
    delta := padtrymka_enrollment_holds(NEW."status"::text);
  ELSIF TG_OP = 'DELETE' THEN
    delta := -padtrymka_enrollment_holds(OLD."status"::text);
  ELSE
    delta := padtrymka_enrollment_holds(NEW."status"::text) - padtrymka_enrollment_holds(OLD."status"::text);
  END IF;
  IF delta <> 0 THEN
    UPDATE "Course" SET "seatsHeld" = "seatsHeld" + delta WHERE id = COALESCE(NEW."courseId", OLD."courseId");
  END IF;
  RETURN NULL;
END;
$$;
CREATE TRIGGER "Enrollment_seats" AFTER INSERT OR UPDATE OF "status" OR DELETE ON "Enrollment"
  FOR EACH ROW EXECUTE FUNCTION padtrymka_enrollment_seats();

UPDATE "Course" c SET "seatsHeld" = (SELECT count(*) FROM "Enrollment" e WHERE e."courseId" = c.id AND padtrymka_enrollment_holds(e."status"::text) = 1);

-- Catalogue filters: published courses by track and by start date are the common entry points.
CREATE INDEX "Course_published_track_start" ON "Course"("track", "startDate") WHERE "status" = 'PUBLISHED';
