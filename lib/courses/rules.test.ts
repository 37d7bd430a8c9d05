import { describe, expect, it } from "vitest";
import { applicantMove, contactVisible, providerActionsAt, providerMove } from "@/lib/courses/rules";
import { CourseSchema } from "@/lib/courses/schemas";

describe("enrolment lifecycle", () => {
  it("moves requested -> offered -> accepted -> attending -> completed -> hired", () => {
    expect(providerMove("offer", "REQUESTED")).toBe("OFFERED");
    expect(applicantMove("accept", "OFFERED")).toBe("ACCEPTED");
    expect(providerMove("start", "ACCEPTED")).toBe("ATTENDING");
    expect(providerMove("complete", "ATTENDING")).toBe("COMPLETED");
    expect(providerMove("hire", "COMPLETED")).toBe("HIRED");
  });
  it("waitlists, declines and drops only from the right stages", () => {
    expect(providerMove("waitlist", "REQUESTED")).toBe("WAITLISTED");
    expect(providerMove("offer", "WAITLISTED")).toBe("OFFERED");
    expect(providerMove("decline", "OFFERED")).toBeNull();
    expect(providerMove("drop", "COMPLETED")).toBeNull();
    expect(applicantMove("accept", "EXPIRED")).toBeNull();
    expect(providerActionsAt("REQUESTED")).toEqual(["offer", "waitlist", "decline"]);
  });
  it("shows the contact only after the applicant accepted", () => {
    expect(contactVisible("OFFERED")).toBe(false);
    expect(contactVisible("REQUESTED")).toBe(false);
    expect(contactVisible("ACCEPTED")).toBe(true);
  });
});

describe("course form", () => {
  const base = {
    title: "Python",
    track: "BACKEND_PYTHON",
    description: "A free ten-week Python course for beginners.",
    format: "ONLINE",
    language: "BE",
    startDate: "2027-01-10",
    durationWeeks: "10",
    hoursPerWeek: "8",
    seats: "20",
    applicationDeadline: "2027-01-05",
    prerequisite: "NONE",
  };
  const issues = (o: Record<string, unknown>) => {
    const r = CourseSchema.safeParse({ ...base, ...o });
    return r.success ? [] : r.error.issues.map((i) => `${String(i.path[0])}:${i.message}`);
  };
  it("accepts a valid course", () => expect(issues({})).toEqual([]));
  it("refuses a deadline after the start, negative seats, no duration, an unknown city, in person without cities", () => {
    expect(issues({ applicationDeadline: "2027-02-01" })).toEqual(["applicationDeadline:deadline_after_start"]);
    expect(issues({ seats: "-1" })).toEqual(["seats:seats"]);
    expect(issues({ durationWeeks: "0" })).toEqual(["durationWeeks:duration_weeks"]);
    expect(issues({ format: "IN_PERSON", cities: ["ATLANTIS"] })).toContain("cities:city_unknown");
    expect(issues({ format: "IN_PERSON" })).toEqual(["cities:cities_required"]);
  });
});
