/** Slug of the organisation that holds APPLICANT and ADMIN memberships. */
export const PLATFORM_SLUG = "padtrymka";
