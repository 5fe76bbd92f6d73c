using ActionGen.Data;
using ActionGen.Diffusion;
using ActionGen.Mdn;
using ActionGen.Policies;
using ActionGen.Runtime;
using ActionGen.Tasks;
using ActionGen.Training;
using TorchSharp;

namespace ActionGen.Tests;

/// <summary>Views made by WithSampling: who owns the network, what they sample with, what they save.</summary>
public class PolicyViewTests
{
    private static ActionDataset Toy(int count = 300)
    {
        var (s, a) = new BimodalToy().Sample(count, seed: 2);
        return ActionDataset.FromScalars(s, a);
    }

    [Fact]
    public void Disposing_a_view_leaves_the_owner_working_and_disposing_the_owner_ends_the_view()
    {
        using var owner = DiffusionPolicy.Create(Toy(), new DiffusionOptions(NoiseLevels: 20, Width: 16, Blocks: 1));
        var view = owner.WithSampling(DiffusionSampling.Ddim(5));
        Assert.True(view.IsView);
        using var observations = torch.zeros(3, 1);
        view.Dispose();
        owner.Act(observations).Dispose();                                                     // still works

        var mdnOwner = MdnPolicy.Create(Toy(), new MdnOptions(HiddenWidths: [8]));
        var mdnView = mdnOwner.WithSampling(MixtureSampling.MostLikelyMean);
        mdnOwner.Dispose();
        var error = Assert.Throws<ObjectDisposedException>(() => mdnView.Act(observations));
        Assert.Contains("view of another policy's network", error.Message, StringComparison.Ordinal);
        mdnView.Dispose();
    }

    [Fact]
    public void A_disposed_policy_says_so_instead_of_acting_or_saving()
    {
        var policy = Mse.MsePolicy.Create(Toy(), new Mse.MseOptions([4]));
        policy.Dispose();
        using var temp = new TempDirectory();
        Assert.Throws<ObjectDisposedException>(() => policy.Act(torch.zeros(1, 1)));
        Assert.Throws<ObjectDisposedException>(() => policy.Save(Path.Combine(temp.Path, "x.policy")));
    }

    [Fact]
    public void Every_diffusion_policy_is_a_sample_even_with_deterministic_ddim_updates()
    {
        using var owner = DiffusionPolicy.Create(Toy(), new DiffusionOptions(NoiseLevels: 20, Width: 16, Blocks: 1));
        using var ddim = owner.WithSampling(DiffusionSampling.Ddim(5, eta: 0));
        Assert.Equal(ActionOutput.Sample, ddim.Output);
        using var observations = torch.zeros(64, 1);
        var first = ddim.Act(observations).data<float>().ToArray();
        var second = ddim.Act(observations).data<float>().ToArray();
        Assert.NotEqual(first, second);                                                         // fresh noise each call
    }

    [Fact]
    public void With_an_ema_the_owner_and_its_views_sample_and_save_the_ema_weights()
    {
        var data = Toy();
        var (owner, _) = DiffusionPolicy.Train(data, new DiffusionOptions(NoiseLevels: 20, Width: 16, Blocks: 1, EmaPower: 0.75), new TrainerOptions(Steps: 60, BatchSize: 64));
        using (owner)
        {
            Assert.True(owner.UsesEma);
            using var view = owner.WithSampling(DiffusionSampling.Ddim(5));
            using var observations = torch.linspace(-1, 1, 9).unsqueeze(1);
            using var temp = new TempDirectory();
            string ownerFile = Path.Combine(temp.Path, "owner.policy"), viewFile = Path.Combine(temp.Path, "view.policy");
            owner.Save(ownerFile);
            view.Save(viewFile);
            using var fromOwner = DiffusionPolicy.Load(ownerFile);
            using var fromView = DiffusionPolicy.Load(viewFile);
            Assert.Equal(DiffusionSamplerKind.Ddim, fromView.Options.SamplingInUse.Kind);

            float[] Sample(IPolicy policy) { Seeds.Seed(5); return policy.Act(observations).data<float>().ToArray(); }
            Assert.Equal(Sample(owner), Sample(fromOwner));                                     // DDPM with the EMA weights, before and after the file
            Assert.Equal(Sample(view), Sample(fromView));                                       // DDIM-5 with the EMA weights, before and after the file
            using var rawView = DiffusionPolicy.Load(ownerFile).WithSampling(DiffusionSampling.Ddim(5));
            Assert.Equal(Sample(view), Sample(rawView));
        }
    }
}
