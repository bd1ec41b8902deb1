;; Rprop, one fused SIMD pass over one buffer: the WebAssembly twin of `rpropKernel` in src/optim/rprop.ts
;; (Riedmiller & Braun, 1993). A template like adam.wat ({T} = f32 | f64, {V} = f32x4 | f64x2); pointers are byte
;; offsets, `end` the buffers' byte length rounded up to 16 bytes.
;;
;;   g_t ← ±∇f(θ_{t-1})
;;   if g_t g_{t-1} > 0:  Δ_t ← min(η⁺ Δ_{t-1}, Δ_max)
;;   if g_t g_{t-1} < 0:  Δ_t ← max(η⁻ Δ_{t-1}, Δ_min),  g_t ← 0
;;   otherwise:           Δ_t ← Δ_{t-1}            (a NaN product makes Δ NaN, as in torch)
;;   θ_t ← θ_{t-1} − sign(g_t) Δ_t
;;
;; The factor is chosen by lane masks: η⁺ where g·g_prev > 0, η⁻ where < 0, else 1 + g·g_prev, which is 1 for a
;; ±0 product and NaN for a NaN one. The clamps are selects on s < Δ_min and s > Δ_max, so NaN passes through.
;; sign is Math.sign's (as in lion.wat): copysign(1, g) where g is a non-zero number, else g itself.
;; float64 agrees with the TypeScript loop bit for bit. float32 forms g·g_prev in float32, as torch does; the
;; TypeScript loop forms it in float64, so the two differ only where the product underflows float32 (|g·g_prev|
;; below ~1e-45: here no sign, there a sign) or where η·Δ rounds differently (η rounded to float32 here).
;; flags: 1 maximize.
(func $rprop_{T} (export "rprop_{T}")
  (param $p i32) (param $g i32) (param $prev i32) (param $step i32) (param $end i32)
  (param $etaMinus {T}) (param $etaPlus {T}) (param $minStep {T}) (param $maxStep {T}) (param $flags i32)
  (local $i i32) (local $grad v128) (local $agree v128) (local $pos v128) (local $neg v128) (local $s v128) (local $sign v128)
  (local $ETAMINUS v128) (local $ETAPLUS v128) (local $MIN v128) (local $MAX v128) (local $ONE v128) (local $SIGNBIT v128) (local $ZERO v128)
  (local.set $ETAMINUS ({V}.splat (local.get $etaMinus)))
  (local.set $ETAPLUS ({V}.splat (local.get $etaPlus)))
  (local.set $MIN ({V}.splat (local.get $minStep)))
  (local.set $MAX ({V}.splat (local.get $maxStep)))
  (local.set $ONE ({V}.splat ({T}.const 1)))
  (local.set $SIGNBIT ({V}.splat ({T}.const -0)))
  (if (i32.lt_u (local.get $i) (local.get $end)) (then
    (loop $next
      ;; g ← ±∇f(θ)
      (local.set $grad (v128.load (i32.add (local.get $g) (local.get $i))))
      (if (i32.and (local.get $flags) (i32.const 1))
        (then (local.set $grad ({V}.neg (local.get $grad)))))
      ;; the sign of g·g_prev picks the factor η⁺, η⁻ or 1 (NaN for a NaN product)
      (local.set $agree ({V}.mul (local.get $grad) (v128.load (i32.add (local.get $prev) (local.get $i)))))
      (local.set $pos ({V}.gt (local.get $agree) (local.get $ZERO)))
      (local.set $neg ({V}.lt (local.get $agree) (local.get $ZERO)))
      (local.set $s ({V}.mul (v128.load (i32.add (local.get $step) (local.get $i)))
        (v128.bitselect (local.get $ETAPLUS)
          (v128.bitselect (local.get $ETAMINUS) ({V}.add (local.get $ONE) (local.get $agree)) (local.get $neg))
          (local.get $pos))))
      ;; Δ ← clamp(s, Δ_min, Δ_max)
      (local.set $s (v128.bitselect (local.get $MIN) (local.get $s) ({V}.lt (local.get $s) (local.get $MIN))))
      (local.set $s (v128.bitselect (local.get $MAX) (local.get $s) ({V}.gt (local.get $s) (local.get $MAX))))
      (v128.store (i32.add (local.get $step) (local.get $i)) (local.get $s))
      ;; g ← 0 where the sign flipped; remembered as g_prev
      (local.set $grad (v128.andnot (local.get $grad) (local.get $neg)))
      (v128.store (i32.add (local.get $prev) (local.get $i)) (local.get $grad))
      ;; θ ← θ + (−sign(g))Δ
      (local.set $sign (v128.bitselect
        (v128.or (v128.and (local.get $grad) (local.get $SIGNBIT)) (local.get $ONE))
        (local.get $grad)
        (v128.and ({V}.ne (local.get $grad) (local.get $ZERO)) ({V}.eq (local.get $grad) (local.get $grad)))))
      (v128.store (i32.add (local.get $p) (local.get $i))
        ({V}.add (v128.load (i32.add (local.get $p) (local.get $i))) ({V}.mul ({V}.neg (local.get $sign)) (local.get $s))))
      (local.set $i (i32.add (local.get $i) (i32.const 16)))
      (br_if $next (i32.lt_u (local.get $i) (local.get $end)))))))
