import { signOutAction } from "@/lib/users/actions";

// A form, not a link: signing out changes state and must not be triggered by a prefetch or a GET.
export function SignOutButton({ label }: { label: string }) {
  return (
    <form action={signOutAction}>
      <button type="submit" className="underline underline-offset-2">
        {label}
      </button>
    </form>
  );
}
