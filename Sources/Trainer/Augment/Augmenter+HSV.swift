import Foundation

extension Augmenter {
    /// HSV jitter of the `plane`-pixel RGB image at `pixels`, in place: hue turned by
    /// `u·hsvH` of a full turn (a rotation of RGB about the grey axis), then saturation and value
    /// scaled by `1 + v·hsvS` and `1 + w·hsvV` (`u`, `v`, `w` uniform in ±1; with `V = max(R,G,B)`,
    /// each channel becomes `(V − (V − c)·gain_s)·gain_v`, which scales S and V and keeps H),
    /// clamped to 0…1.
    func jitterHSV(_ pixels: UnsafeMutablePointer<Float>, plane: Int) {
        let turn = rng.uniform(-settings.hsvH, settings.hsvH)
        let saturation = 1 + rng.uniform(-settings.hsvS, settings.hsvS)
        let value = 1 + rng.uniform(-settings.hsvV, settings.hsvV)
        let angle = 2 * Float.pi * turn
        let cosine = cos(angle)
        let sine = sin(angle)
        let a = cosine + (1 - cosine) / 3
        let b = (1 - cosine) / 3 - sine / Float(3).squareRoot()
        let c = (1 - cosine) / 3 + sine / Float(3).squareRoot()
        let rotates = turn != 0
        let red = pixels
        let green = pixels + plane
        let blue = pixels + 2 * plane
        for k in 0..<plane {
            var r = red[k]
            var g = green[k]
            var bl = blue[k]
            if rotates {
                (r, g, bl) = (
                    a * r + b * g + c * bl, c * r + a * g + b * bl, b * r + c * g + a * bl
                )
            }
            let v = max(r, g, bl)
            red[k] = min(1, max(0, (v - (v - r) * saturation) * value))
            green[k] = min(1, max(0, (v - (v - g) * saturation) * value))
            blue[k] = min(1, max(0, (v - (v - bl) * saturation) * value))
        }
    }
}
