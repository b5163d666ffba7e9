// Review and approval end to end in Chromium, with one browser per person: the drafter edits and
// submits, the first reviewer initials, the second returns it with a comment, the drafter reads
// the comment, fixes and resubmits, both initial, the signatory approves and the decree number
// appears; the history shows who saved which version and a readable difference.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { minimalPlan } from "../../src/test-support/fixtures.js";
import { plansRepo } from "../../src/store/plans-repo.js";
import { browserAvailability, openSidePanel, screenshot, startHarness, waitSaved, type Harness, type TestUser } from "./support.js";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { promisify } from "node:util";
import { readPdfQr } from "../../src/test-support/pdf-qr.js";

const run = promisify(execFile);

/** The decree's PDF as the Dokumen stage's download button saves it. */
async function downloadDecreePdf(page: Page, baseUrl: string, planId: string): Promise<{ bytes: Uint8Array; text: string }> {
  await page.goto(`${baseUrl}/plans/${planId}/dokumen`);
  const link = page.getByTestId("download-sk-pdf");
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 120_000 }), link.click()]);
  const path = await download.path();
  const text = (await run("pdftotext", ["-layout", path, "-"], { maxBuffer: 64 * 1024 * 1024 })).stdout;
  return { bytes: new Uint8Array(await readFile(path)), text };
}

const availability = browserAvailability();
const d = availability.available ? describe : describe.skip;

/** Opens the plan's first stage in a browser signed in as `who`. */
async function openPlan(h: Harness, who: TestUser, planId: string): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await h.newPage({ signInAs: who });
  await page.goto(`${h.baseUrl}/plans/${planId}/sasaran`);
  await page.getByTestId("workflow-bar").waitFor();
  return { page, errors };
}

async function status(page: Page): Promise<string | null> {
  return page.getByTestId("workflow-status").getAttribute("data-status");
}

/** Re-reads the plan as another person left it. */
async function reload(page: Page) {
  await page.reload();
  await page.getByTestId("workflow-bar").waitFor();
}

/** Paraf / Setujui / Kembalikan: the button opens a dialog; its own button confirms. */
async function act(page: Page, label: string, comment?: string) {
  await page.getByTestId("workflow-bar").getByRole("button", { name: label, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.waitFor();
  if (comment !== undefined) await dialog.getByRole("textbox").fill(comment);
  await dialog.getByRole("button", { name: label, exact: true }).click();
  await dialog.waitFor({ state: "detached" });
}

/** The review buttons this person is offered right now. */
async function offered(page: Page): Promise<string[]> {
  const all = ["Ajukan", "Paraf", "Setujui & tandatangani", "Kembalikan", "Tarik kembali"];
  const out: string[] = [];
  for (const name of all) if ((await page.getByTestId("workflow-bar").getByRole("button", { name, exact: true }).count()) > 0) out.push(name);
  return out;
}

d("review and approval in Chromium", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  }, 240_000);
  afterAll(async () => {
    await h?.close();
  });

  it("drafter, two reviewers and the signatory take a plan from draft to approved, with a return and comments on the way", async () => {
    const drafter = await h.createUser({ email: "penyusun.wf@contoh.go.id", name: "Sari Penyusun", roles: ["penyusun"] });
    const reviewer1 = await h.createUser({ email: "pemeriksa1.wf@contoh.go.id", name: "Budi Kasubbag", roles: ["pemeriksa"] });
    const reviewer2 = await h.createUser({ email: "pemeriksa2.wf@contoh.go.id", name: "Rina Sekretaris", roles: ["pemeriksa"] });
    const signatory = await h.createUser({ email: "kepala.wf@contoh.go.id", name: "Drs. Bambang Kepala", roles: ["penandatangan"] });

    // A complete plan but for its target groups: one error finding, which holds the submission back.
    const created = await (await h.api(drafter))("POST", "/api/plans", minimalPlan({ title: "Pelayanan KTP-el Keliling", targetGroups: [] }));
    expect(created.status).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;
    // The team straight in the database: drafter (the plan's creator), reviewers 1 and 2 in that order, the signatory.
    await plansRepo(h.db.db).setTeam(planId, [
      { userId: drafter.user.id, role: "penyusun", position: 0 },
      { userId: reviewer1.user.id, role: "pemeriksa", position: 1 },
      { userId: reviewer2.user.id, role: "pemeriksa", position: 2 },
      { userId: signatory.user.id, role: "penandatangan", position: 0 },
    ]);

    // The drafter edits and submits.
    const author = await openPlan(h, drafter, planId);
    let page = author.page;
    expect(await status(page)).toBe("draft");
    expect(await offered(page)).toEqual(["Ajukan"]);
    // "Ajukan" is disabled while an error finding is open, with the reason and a link to it.
    const submitButton = page.getByTestId("workflow-bar").getByRole("button", { name: "Ajukan", exact: true });
    await expect.poll(() => submitButton.isDisabled()).toBe(true);
    const blocked = page.getByTestId("workflow-blocked");
    expect(await blocked.textContent()).toContain("Belum dapat diajukan: 1 temuan galat");
    const reason = blocked.getByRole("button", { name: "belum ada kelompok masyarakat sasaran" });
    expect(await reason.getAttribute("data-target-path")).toBe("targetGroups");
    await screenshot(page, "workflow-00-ajukan-terkunci");
    await page.goto(`${h.baseUrl}/plans/${planId}/jadwal`);
    await page.getByTestId("workflow-bar").waitFor();
    await page.getByTestId("workflow-blocked").getByRole("button", { name: "belum ada kelompok masyarakat sasaran" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/plans/${planId}/sasaran`);
    await page.getByRole("button", { name: "+ Kelompok baru" }).click();
    await page.locator('[data-path="targetGroups[0].name"]').fill("Lansia");
    await page.locator('[data-path="targetGroups[0].size"]').fill("120");
    await waitSaved(page);
    // Fixed: the button is enabled and the reasons are gone.
    await expect.poll(() => submitButton.isDisabled()).toBe(false);
    expect(await page.getByTestId("workflow-blocked").count()).toBe(0);
    // The team panel lists the team in review order.
    await page.getByRole("button", { name: "Tim penyusunan" }).click();
    await expect.poll(() => page.getByTestId("team-member").allTextContents()).toEqual([
      expect.stringContaining("Sari Penyusun"),
      expect.stringContaining("Budi Kasubbag"),
      expect.stringContaining("Rina Sekretaris"),
      expect.stringContaining("Drs. Bambang Kepala"),
    ]);
    await page.getByTestId("team-panel").getByRole("button", { name: "Tutup" }).click();
    // The draft's decree, downloaded from the Dokumen stage, carries the KONSEP mark and no verification.
    const docs = await h.newPage({ signInAs: drafter });
    const draftPdf = await downloadDecreePdf(docs.page, h.baseUrl, planId);
    expect(draftPdf.text).toContain("KONSEP");
    expect(draftPdf.text).not.toContain("Kode verifikasi");
    // Submitting asks for confirmation first; cancelling leaves the plan a draft.
    await submitButton.click();
    const confirm = page.getByRole("dialog");
    expect(await confirm.getByTestId("workflow-confirm").textContent()).toContain("Ajukan sekarang?");
    await screenshot(page, "workflow-00-konfirmasi-ajukan");
    await confirm.getByRole("button", { name: "Batal", exact: true }).click();
    expect(await status(page)).toBe("draft");
    await act(page, "Ajukan");
    await expect.poll(() => status(page)).toBe("submitted");
    expect(await page.getByTestId("workflow-awaiting").textContent()).toContain("Budi Kasubbag");
    // Under review the drafter's screen is read-only.
    // (read-only fields, no add or remove buttons)
    expect(await page.locator('[data-path="targetGroups[0].size"]').isEditable()).toBe(false);
    expect(await page.getByRole("button", { name: "+ Kelompok baru" }).isVisible()).toBe(false);
    expect(await offered(page)).toEqual(["Tarik kembali"]);
    await screenshot(page, "workflow-01-diajukan");
    // The drafter may take it back out of review, and submit it again.
    await act(page, "Tarik kembali");
    await expect.poll(() => status(page)).toBe("draft");
    expect(await offered(page)).toEqual(["Ajukan"]);
    await act(page, "Ajukan");
    await expect.poll(() => status(page)).toBe("submitted");

    // Reviewer 1 initials; reviewer 2 may not act before.
    const second = await openPlan(h, reviewer2, planId);
    expect(await offered(second.page)).toEqual([]);
    const first = await openPlan(h, reviewer1, planId);
    expect(await first.page.getByTestId("workflow-awaiting").textContent()).toBe("Giliran Anda");
    expect(await offered(first.page)).toEqual(["Paraf", "Kembalikan"]);
    await act(first.page, "Paraf");
    await expect.poll(() => first.page.getByTestId("workflow-awaiting").textContent()).toContain("Rina Sekretaris");

    // Reviewer 2 comments on the target group and returns the plan with a reason.
    await reload(second.page);
    expect(await offered(second.page)).toEqual(["Paraf", "Kembalikan"]);
    const comments = second.page.getByTestId("comments-panel");
    // Focusing an item on the screen offers to comment on it.
    await second.page.locator('[data-path="targetGroups[0].size"]').focus();
    await openSidePanel(second.page);
    await comments.getByRole("button", { name: /Komentari butir yang dipilih: .* Lansia/ }).click();
    const lansia = await comments.locator("#comment-item option", { hasText: "Lansia" }).getAttribute("value");
    expect(await comments.getByLabel("Tentang butir").inputValue()).toBe(lansia);
    await comments.getByLabel("Komentar baru").fill("Jumlah lansia terlalu kecil, periksa data Disdukcapil.");
    await comments.getByRole("button", { name: "Kirim komentar" }).click();
    await expect.poll(() => second.page.getByTestId("comment-count-sasaran").textContent()).toContain("1");
    await act(second.page, "Kembalikan", "Mohon perbaiki jumlah sasaran.");
    await expect.poll(() => status(second.page)).toBe("returned");
    await screenshot(second.page, "workflow-02-dikembalikan");

    // The drafter sees both comments, fixes the number, resolves the comment and resubmits.
    await reload(page);
    expect(await status(page)).toBe("returned");
    await openSidePanel(page);
    await expect.poll(() => page.getByTestId("comment-body").allTextContents()).toEqual(
      expect.arrayContaining(["Mohon perbaiki jumlah sasaran.", "Jumlah lansia terlalu kecil, periksa data Disdukcapil."]),
    );
    expect(await page.getByTestId("comment-count-sasaran").textContent()).toContain("1");
    const size = page.locator('[data-path="targetGroups[0].size"]');
    expect(await size.isEditable()).toBe(true);
    await size.fill("1200");
    await waitSaved(page);
    await page.getByTestId("comments-panel").getByRole("button", { name: /Tandai selesai: Jumlah lansia/ }).click();
    await expect.poll(() => page.getByTestId("comment-count-sasaran").count()).toBe(0);
    await act(page, "Ajukan");
    await expect.poll(() => status(page)).toBe("submitted");

    // Both reviewers initial in order, then the signatory approves.
    await reload(first.page);
    await act(first.page, "Paraf");
    await reload(second.page);
    await act(second.page, "Paraf");
    await expect.poll(() => second.page.getByTestId("workflow-awaiting").textContent()).toContain("Drs. Bambang Kepala");
    const head = await openPlan(h, signatory, planId);
    expect(await offered(head.page)).toEqual(["Setujui & tandatangani", "Kembalikan"]);
    await act(head.page, "Setujui & tandatangani");
    await expect.poll(() => status(head.page)).toBe("approved");
    const decreeNumber = (await head.page.getByTestId("decree-number").textContent()) ?? "";
    expect(decreeNumber).toMatch(/Nomor keputusan: \S*\d/);
    await screenshot(head.page, "workflow-03-disetujui");

    // The admin's register (buku agenda keputusan) lists the number with its decree; voiding it needs a reason.
    const admin = await h.createUser({ email: "admin.wf@contoh.go.id", name: "Admin Agenda", roles: ["admin"] });
    const agenda = await h.newPage({ signInAs: admin });
    await agenda.page.goto(`${h.baseUrl}/admin/buku-agenda`);
    const entry = agenda.page.getByTestId("register-entry");
    await entry.first().waitFor();
    const issuedNumber = decreeNumber.replace("Nomor keputusan: ", "").trim();
    expect(await entry.first().locator("td").first().textContent()).toBe(issuedNumber);
    expect(await entry.first().textContent()).toContain("Pembentukan Tim Pelaksana Pelayanan KTP-el Keliling");
    await agenda.page.getByRole("button", { name: "Catat nomor berikutnya batal…" }).click();
    await agenda.page.getByTestId("register-void-form").getByRole("textbox").fill("Blangko rusak saat dicetak");
    await agenda.page.getByRole("button", { name: "Batalkan nomor", exact: true }).click();
    await expect.poll(() => entry.count()).toBe(2);
    expect(await entry.nth(1).getAttribute("data-status")).toBe("void");
    expect(await entry.nth(1).textContent()).toContain("Batal: Blangko rusak saat dicetak");
    await screenshot(agenda.page, "workflow-04-buku-agenda");
    expect(agenda.errors).toEqual([]);

    // The approved decree: no KONSEP, the paraf koordinasi of both reviewers, and a QR code in the
    // footer. Decoded from the rendered page (pdftoppm + jsQR), its URL opens the public
    // verification page without signing in, which shows the number and the file's SHA-256.
    const approvedPdf = await downloadDecreePdf(docs.page, h.baseUrl, planId);
    expect(approvedPdf.text).not.toContain("KONSEP");
    expect(approvedPdf.text).toContain("PARAF KOORDINASI");
    expect(approvedPdf.text).toContain("Budi Kasubbag");
    expect(approvedPdf.text).toContain("Rina Sekretaris");
    const qrUrl = await readPdfQr(approvedPdf.bytes, 1);
    expect(qrUrl).toMatch(new RegExp(`^${h.baseUrl}/verifikasi/[A-Z0-9]{24}$`));
    expect(approvedPdf.text.replace(/\s+/g, " ")).toContain(qrUrl!);
    const visitor = await h.newPage({ signInAs: false });
    await visitor.page.goto(qrUrl!);
    await visitor.page.getByTestId("verified").waitFor();
    const shown = (await visitor.page.locator("body").textContent()) ?? "";
    expect(shown).toContain(issuedNumber);
    expect(shown).toContain("Pembentukan Tim Pelaksana Pelayanan KTP-el Keliling");
    expect(shown).toContain("Dra. Siti Aminah");
    expect(shown).toContain(createHash("sha256").update(approvedPdf.bytes).digest("hex"));
    await screenshot(visitor.page, "workflow-05-verifikasi");
    expect(visitor.errors).toEqual([]);
    expect(docs.errors).toEqual([]);

    // The drafter: the approved plan is read-only until a new revision is opened on purpose.
    await reload(page);
    expect(await status(page)).toBe("approved");
    expect(await page.getByTestId("decree-number").textContent()).toBe(decreeNumber);
    expect(await size.isEditable()).toBe(false);

    // History: the versions with their authors and a readable difference.
    await page.getByRole("button", { name: "Riwayat" }).click();
    const history = page.getByTestId("history-panel");
    await history.getByTestId("revision").first().waitFor();
    const authors = await history.getByTestId("revision").allTextContents();
    expect(authors.length).toBeGreaterThanOrEqual(3);
    expect(authors.join("\n")).toContain("Sari Penyusun");
    const versions = (await history.getByTestId("revision").evaluateAll((rows) => rows.map((r) => Number(r.getAttribute("data-version"))))).sort((a, b) => a - b);
    await history.getByLabel(`Dari ${versions[0]}`).check();
    await history.getByLabel(`Ke ${versions[versions.length - 1]}`).check();
    await history.getByRole("button", { name: "Bandingkan" }).click();
    const diff = history.getByTestId("diff");
    await diff.waitFor();
    expect(await diff.getByRole("heading", { name: "1 Sasaran" }).count()).toBe(1);
    const changes = (await diff.getByTestId("diff-change").allTextContents()).join("\n");
    expect(changes).toContain("Lansia");
    expect(await history.getByTestId("audit-entry").count()).toBeGreaterThan(3);
    // The audit log says what each write changed: the approval filled in the decree's number.
    const approval = history.locator('[data-testid="audit-entry"][data-action="plan.approve"]');
    expect(await approval.getByTestId("audit-changes").textContent()).toMatch(/Surat Keputusan Tim.*nomor/);
    // The review trail, newest first: submit, initial, return, submit, initial, initial, approve.
    expect(await history.getByTestId("workflow-event").evaluateAll((items) => items.map((i) => i.getAttribute("data-action")))).toEqual(["approve", "initial", "initial", "submit", "return", "initial", "submit", "withdraw", "submit"]);
    expect(await history.getByTestId("workflow-events").textContent()).toContain("Mohon perbaiki jumlah sasaran.");
    await screenshot(page, "workflow-04-riwayat");

    // Editing the approved plan opens revision 1 after a confirmation.
    await history.getByRole("button", { name: "Tutup" }).click();
    await page.getByRole("button", { name: "Ubah rencana…" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, buka revisi baru" }).click();
    expect(await size.isEditable()).toBe(true);
    await size.fill("1250");
    await waitSaved(page);
    await expect.poll(() => status(page)).toBe("draft");
    expect(await page.getByTestId("workflow-amendment").textContent()).toBe("Revisi ke-1");

    // The amendment against the approved version, then restoring that version (If-Match on the
    // current one) writes it again as a new version.
    const beforeRestore = Number(await page.getByTestId("save-status").getAttribute("data-version"));
    await page.getByRole("button", { name: "Riwayat" }).click();
    await history.getByRole("button", { name: `Perubahan sejak versi disetujui (${versions[versions.length - 1]})` }).click();
    await expect.poll(() => history.getByTestId("diff-change").allTextContents()).toEqual([expect.stringMatching(/1\.200.*→.*1\.250/)]);
    await history.getByRole("button", { name: `Pulihkan ${versions[versions.length - 1]}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ya, pulihkan" }).click();
    await expect.poll(() => page.getByTestId("save-status").getAttribute("data-version")).toBe(String(beforeRestore + 1));
    await expect.poll(() => history.getByTestId("revision").count()).toBe(versions.length + 2);
    await history.getByRole("button", { name: "Tutup" }).click();
    expect(await size.inputValue()).toBe("1200");

    for (const errors of [author.errors, first.errors, second.errors, head.errors]) expect(errors).toEqual([]);
  }, 180_000);

  it("an a.n. signed by staff holds the submission back with the rule broken, beside the signatory's fields; a bad NIP is refused as typed", async () => {
    const drafter = await h.createUser({ email: "penyusun.an@contoh.go.id", name: "Tono Penyusun", roles: ["penyusun"] });
    const signatory = await h.createUser({ email: "kepala.an@contoh.go.id", name: "Drs. Kepala AN", roles: ["penandatangan"] });
    const base = minimalPlan();
    const staff = { name: "Sutarno", rank: "Pengatur (II/c)", position: "Pengadministrasi Umum", capacity: "an" as const, onBehalfOf: base.decree.issuerTitle };
    const created = await (await h.api(drafter))("POST", "/api/plans", minimalPlan({ title: "Pelayanan a.n. uji", decree: { ...base.decree, signatory: staff } }));
    expect(created.status).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;
    await plansRepo(h.db.db).setTeam(planId, [
      { userId: drafter.user.id, role: "penyusun", position: 0 },
      { userId: signatory.user.id, role: "penandatangan", position: 0 },
    ]);
    const { page } = await openPlan(h, drafter, planId);
    const submitButton = page.getByTestId("workflow-bar").getByRole("button", { name: "Ajukan", exact: true });
    await expect.poll(() => submitButton.isDisabled()).toBe(true);
    expect(await page.getByTestId("workflow-blocked").textContent()).toContain("aturan: a.n. hanya ditandatangani pejabat struktural satu tingkat di bawah");
    await page.goto(`${h.baseUrl}/plans/${planId}/dokumen`);
    const beside = page.getByTestId("signatory-problems");
    await beside.waitFor();
    expect(await beside.textContent()).toMatch(/"Sutarno" adalah Pelaksana \(staf\) \(menurut nama jabatannya\), bukan pejabat struktural, sehingga tidak boleh menandatangani a\.n\./);
    // The pangkat is a choice from the official list, shown as printed.
    const rank = page.locator('[data-path="decree.signatory.rank"]');
    expect(await rank.inputValue()).toBe("Pengatur (II/c)");
    expect(await rank.locator("option").count()).toBe(18);
    // A 17-digit NIP stays in the field with the rule, and is not saved.
    const nip = page.locator('[data-path="decree.signatory.nip"]');
    await nip.fill("19710214199703100");
    const fieldError = page.getByTestId("field-error");
    await expect.poll(() => fieldError.textContent()).toBe('NIP: "19710214199703100" tidak sah: NIP terdiri atas 18 angka, bukan 17');
    await screenshot(page, "workflow-an-staf-ditolak");
    // The Sekretaris Dinas signing a.n.: a valid NIP (typed with spaces), the level, the pangkat; the submission opens.
    await nip.fill("19710214 199703 1 003");
    await expect.poll(() => fieldError.count()).toBe(0);
    await page.locator('[data-path="decree.signatory.name"]').fill("Ir. Hadi Purnomo");
    await page.locator('[data-path="decree.signatory.position"]').fill("Sekretaris");
    await page.locator('[data-path="decree.signatory.level"]').selectOption("administrator");
    await rank.selectOption("Pembina (IV/a)");
    await waitSaved(page);
    await expect.poll(() => beside.count()).toBe(0);
    await expect.poll(() => submitButton.isDisabled()).toBe(false);
    const saved = (await (await (await h.api(drafter))("GET", `/api/plans/${planId}`)).json()) as { plan: { decree: { signatory: Record<string, string> } } };
    expect(saved.plan.decree.signatory).toMatchObject({ nip: "19710214 199703 1 003", level: "administrator", rank: "Pembina (IV/a)", capacity: "an" });
  });

  it("the drafter builds the plan team in the browser: picks people by role, orders the reviewers; a reader only reads", async () => {
    const drafter = await h.createUser({ email: "penyusun.tim@contoh.go.id", name: "Dewi Penyusun", roles: ["penyusun"] });
    await h.createUser({ email: "pemeriksa.a@contoh.go.id", name: "Agus Pemeriksa", roles: ["pemeriksa"] });
    await h.createUser({ email: "pemeriksa.b@contoh.go.id", name: "Bagus Pemeriksa", roles: ["pemeriksa"] });
    await h.createUser({ email: "kepala.tim@contoh.go.id", name: "Hj. Kepala Dinas", roles: ["penandatangan", "pembaca"] });
    const reader = await h.createUser({ email: "pembaca.tim@contoh.go.id", name: "Rudi Pembaca", roles: ["pembaca"] });
    const call = await h.api(drafter);
    const created = await call("POST", "/api/plans", minimalPlan({ title: "Rencana tim uji" }));
    expect(created.status).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;

    const { page, errors } = await openPlan(h, drafter, planId);
    // Without a signatory the plan cannot be submitted yet.
    expect(await offered(page)).toEqual([]);
    // …and the workspace says what is missing.
    expect(await page.getByTestId("workflow-guide").textContent()).toMatch(/tambahkan pemeriksa .* dan penandatangan/);
    await page.getByRole("button", { name: "Tim penyusunan" }).click();
    const panel = page.getByTestId("team-panel");
    await expect.poll(() => panel.locator("#team-new-user option").count()).toBeGreaterThan(4);
    const addMember = async (label: string, role: string) => {
      await panel.locator("#team-new-user").selectOption({ label });
      await panel.locator("#team-new-role").selectOption({ label: role });
      await panel.getByRole("button", { name: "+ Tambahkan" }).click();
    };
    await addMember("Agus Pemeriksa (Pemeriksa)", "Pemeriksa");
    await addMember("Bagus Pemeriksa (Pemeriksa)", "Pemeriksa");
    // Only the roles the person holds are offered: the head of office signs or reads.
    await panel.locator("#team-new-user").selectOption({ label: "Hj. Kepala Dinas (Penanda tangan, Pembaca)" });
    expect(await panel.locator("#team-new-role option").allTextContents()).toEqual(["Penanda tangan", "Pembaca"]);
    await addMember("Hj. Kepala Dinas (Penanda tangan, Pembaca)", "Penanda tangan");
    await addMember("Rudi Pembaca (Pembaca)", "Pembaca");
    await panel.getByRole("button", { name: "Naikkan: Bagus Pemeriksa" }).click();
    await panel.getByRole("button", { name: "Simpan tim" }).click();
    await expect.poll(() => panel.getByRole("status").textContent()).toBe("Tim disimpan.");
    await screenshot(page, "workflow-05-tim");

    const team = (await (await call("GET", `/api/plans/${planId}/team`)).json()) as { members: { name: string; role: string; position: number }[] };
    const byRole = (role: string) => team.members.filter((m) => m.role === role).sort((a, b) => a.position - b.position).map((m) => m.name);
    expect(byRole("pemeriksa")).toEqual(["Bagus Pemeriksa", "Agus Pemeriksa"]);
    expect(byRole("penandatangan")).toEqual(["Hj. Kepala Dinas"]);
    expect(byRole("pembaca")).toEqual(["Rudi Pembaca"]);
    // With a signatory on the team the drafter may submit.
    await expect.poll(() => offered(page)).toEqual(["Ajukan"]);
    await act(page, "Ajukan");
    await expect.poll(() => status(page)).toBe("submitted");
    // Under review the team is fixed: no editing controls, and the plan list names the status.
    expect(await panel.getByRole("button", { name: "Simpan tim" }).count()).toBe(0);
    await page.goto(h.baseUrl + "/");
    await expect.poll(() => page.getByRole("row", { name: /Rencana tim uji/ }).locator("td[data-status]").textContent()).toBe("Diajukan");

    // The reader sees the team and the plan, and changes neither.
    const readerView = await openPlan(h, reader, planId);
    expect(await offered(readerView.page)).toEqual([]);
    expect(await readerView.page.locator('[data-path="title"]').isEditable()).toBe(false);
    expect(await readerView.page.locator('[data-path="service.pattern"]').isDisabled()).toBe(true);
    await readerView.page.getByRole("button", { name: "Tim penyusunan" }).click();
    const readerPanel = readerView.page.getByTestId("team-panel");
    await expect.poll(() => readerPanel.getByTestId("team-member").count()).toBe(5);
    expect(await readerPanel.getByRole("button", { name: "Simpan tim" }).count()).toBe(0);
    // In English: the status and whose turn it is, the first reviewer being the one moved up.
    await readerView.page.locator("#lang-select").selectOption("en");
    await expect.poll(() => readerView.page.getByTestId("workflow-status").textContent()).toBe("Submitted");
    expect(await readerView.page.getByTestId("workflow-awaiting").textContent()).toBe("Waiting for: Bagus Pemeriksa (Reviewer)");
    expect(errors).toEqual([]);
    expect(readerView.errors).toEqual([]);
  }, 120_000);
});
