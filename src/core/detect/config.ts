import { z } from "zod";

/**
 * Detection settings (the `detection` block of bot2svc.config.json). Every threshold and weight
 * a rule uses lives here with its default, so an admin can tune detection on their own org.
 */
export const detectionConfigSchema = z
  .object({
    /** Action keys that count as an email one-time-passcode challenge (not publicly documented). */
    emailOtpActions: z.array(z.string().min(1)).default(["email_otp_sent", "user_email_otp_challenge"]),
  })
  .strict();

export type DetectionConfig = z.infer<typeof detectionConfigSchema>;

export const listEntrySchema = z
  .object({
    accountId: z.string().min(1).optional(),
    email: z.string().min(1).optional(),
    owner: z.string().min(1),
    reason: z.string().min(1),
    expiresAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((entry) => entry.accountId !== undefined || entry.email !== undefined, {
    message: "an entry needs an accountId or an email",
  });

export type ListEntry = z.infer<typeof listEntrySchema>;
